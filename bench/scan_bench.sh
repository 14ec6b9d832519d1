#!/bin/sh
# Benchmark of `plantjek scan` against pdftotext on the same PDFs, in one run.
# Prints each figure beside its target (issue 8); not a test.
#
#   bench/scan_bench.sh [build-dir] [number-of-files]
#
# Every measurement is repeated (PLANTJEK_BENCH_REPEAT, default 3) and the
# fastest run kept, with its CPU time: on a shared machine the slower runs
# measure the neighbours. pdftotext and the four scans take turns.
#
# The set (default 200 PDFs): the corpus PDFs copied round-robin, plus 10
# long plans (5 × ~150 pages, 5 × ~200 pages) made with LibreOffice from the
# corpus texts (bench/scan_make_long.py). Measured, each into a fresh
# database:
#   pdftotext, one process per file, sequentially (the reference);
#   plantjek scan --jobs 1 / --jobs 2, with and without --no-suggestions;
#   the peak RSS of a worker (reported by scan itself from wait4/getrusage)
#   on a single ~200-page plan.
# Ratios: plantjek --jobs 1 time / pdftotext time (one core each), and
# --jobs 2 throughput / --jobs 1 throughput.
#
# Needs: a build of the plantjek binary in build-dir (default build/),
# soffice, pdftotext, pdfinfo, sqlite3, python3, bc.
set -eu
src=$(cd "$(dirname "$0")/.." && pwd)
build=${1:-$src/build}
count=${2:-200}
repeat=${PLANTJEK_BENCH_REPEAT:-3}
bin="$build/cli/plantjek"
[ -x "$bin" ] || { echo "no plantjek binary at $bin (give the build directory)" >&2; exit 2; }
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

f2() { printf '%.2f' "$1"; }

# --- the set -------------------------------------------------------------
mkdir -p "$work/set" "$work/long"
for pages in 150 200; do
  python3 "$src/bench/scan_make_long.py" "$src/corpus/txt" "$pages" "$work/long/long$pages.fodt"
  (cd "$work/long" && HOME="$work" soffice -env:UserInstallation="file://$work/lo" --headless \
      --convert-to pdf "long$pages.fodt" >/dev/null 2>&1)
done
long150=$(pdfinfo "$work/long/long150.pdf" | awk '/^Pages:/ {print $2}')
long200=$(pdfinfo "$work/long/long200.pdf" | awk '/^Pages:/ {print $2}')
i=0
while [ $i -lt 5 ]; do
  cp "$work/long/long150.pdf" "$work/set/long150-$i.pdf"
  cp "$work/long/long200.pdf" "$work/set/long200-$i.pdf"
  i=$((i + 1))
done
n=10
while [ $n -lt "$count" ]; do
  for f in "$src"/corpus/pdf/*.pdf; do
    [ $n -lt "$count" ] || break
    cp "$f" "$work/set/$(printf '%03d' $n)-$(basename "$f")"
    n=$((n + 1))
  done
done
files=$(ls "$work/set" | wc -l)
pages=0
for f in "$work"/set/*.pdf; do pages=$((pages + $(pdfinfo "$f" | awk '/^Pages:/ {print $2}'))); done
echo "machine: $(nproc) cores, $(awk '/model name/ {$1=$2=$3=""; print; exit}' /proc/cpuinfo | sed 's/^ *//'), $(free -m | awk '/Mem:/ {print $2}') MB"
echo "load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
echo "set: $files PDFs, $pages pages (10 long plans: $long150 and $long200 pages); best of $repeat runs each"
echo

# --- timing ----------------------------------------------------------------
# Wall time, and CPU time (user + sys of the process and its children, by
# /usr/bin/time): on a machine shared with other work the wall-clock ratios
# drift with the load, the CPU ratios much less.
# time_once NAME CMD...: runs CMD once (after $before_each, untimed, when
# set), appending its wall and CPU seconds to $work/NAME.all; its output goes
# to $work/NAME.out. best_of NAME sets best_t / best_c to the fastest run's.
time_once() {
  name=$1; shift
  ${before_each:-:}
  /usr/bin/time -f '%e %U %S' -o "$work/$name.time" "$@" > "$work/$name.out" || true
  tail -1 "$work/$name.time" >> "$work/$name.all"
}
best_of() {
  best=$(sort -n "$work/$1.all" | head -1)
  best_t=$(echo "$best" | awk '{print $1}')
  best_c=$(echo "$best" | awk '{print $2 + $3}')
}

# --- pdftotext and plantjek scan ---------------------------------------------
# One round is pdftotext, then the four scans; the rounds repeat, so that
# the speed of this VM, which drifts by ±20 % over minutes, touches every
# measurement alike (blocks of the same measurement measured the drift).
scan_once() {  # name jobs extra-args...
  name=$1; jobs=$2; shift 2
  before_each="rm -f $work/$name.db"
  time_once "$name" "$bin" --lang en -q scan "$work/set" --db "$work/$name.db" --jobs "$jobs" "$@"
  before_each=
}
report_scan() {  # name jobs extra-args...
  name=$1; jobs=$2; shift 2
  best_of "$name"
  t=$best_t
  c=$best_c
  p=$(sqlite3 "$work/$name.db" "SELECT sum(pages) FROM documents")
  rss=$(sed -n 's/.*peak memory of a worker: \([0-9]*\) MB.*/\1/p' "$work/$name.out")
  printf '%-44s %7.2f s  %7.1f pages/s  %6.1f plans/s  CPU %6.2f s  (peak worker RSS %s MB)\n' \
    "plantjek scan --jobs $jobs $*" "$t" "$(echo "$p / $t" | bc -l)" "$(echo "$files / $t" | bc -l)" "$c" "$rss"
  eval "t_$name=$t; c_$name=$c"
}
: > "$work/ptt.all"
for name in j1_nosugg j2_nosugg j1_sugg j2_sugg; do : > "$work/$name.all"; done
i=0
while [ $i -lt "$repeat" ]; do
  time_once ptt sh -c 'for f in "$1"/set/*.pdf; do pdftotext "$f" /dev/null; done' sh "$work"
  scan_once j1_nosugg 1 --no-suggestions
  scan_once j2_nosugg 2 --no-suggestions
  scan_once j1_sugg 1
  scan_once j2_sugg 2
  i=$((i + 1))
done
best_of ptt
ptt=$best_t
ptc=$best_c
printf '%-44s %7.2f s  %7.1f pages/s  %6.1f plans/s  CPU %6.2f s\n' "pdftotext (sequential)" "$ptt" \
  "$(echo "$pages / $ptt" | bc -l)" "$(echo "$files / $ptt" | bc -l)" "$ptc"
report_scan j1_nosugg 1 --no-suggestions
report_scan j2_nosugg 2 --no-suggestions
report_scan j1_sugg 1
report_scan j2_sugg 2

# --- peak RSS on one ~200-page plan ------------------------------------------
mkdir -p "$work/one"
cp "$work/long/long200.pdf" "$work/one/"
"$bin" --lang en -q scan "$work/one" --db "$work/one.db" --jobs 1 > "$work/one.out" || true
rss200=$(sed -n 's/.*peak memory of a worker: \([0-9]*\) MB.*/\1/p' "$work/one.out")
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"

# --- against the targets ---------------------------------------------------
echo
verdict() { if [ "$(echo "$1" | bc -l)" = 1 ]; then echo "met"; else echo "NOT met"; fi; }
r1=$(echo "$t_j1_nosugg / $ptt" | bc -l)
r2=$(echo "$t_j1_sugg / $ptt" | bc -l)
s1=$(echo "$t_j1_nosugg / $t_j2_nosugg" | bc -l)
s2=$(echo "$t_j1_sugg / $t_j2_sugg" | bc -l)
printf '%-60s %8s   target %-8s %s\n' "figure" "value" "" ""
printf '%-60s %7.2fx   target <= 1.5x  %s\n' "full check without suggestions / pdftotext (--jobs 1)" "$r1" "$(verdict "$r1 <= 1.5")"
printf '%-60s %7.2fx   target <= 2x    %s\n' "full check with suggestions / pdftotext (--jobs 1)" "$r2" "$(verdict "$r2 <= 2")"
printf '%-60s %7.2fx   target >= 1.8x  %s\n' "--jobs 2 / --jobs 1 throughput (no suggestions)" "$s1" "$(verdict "$s1 >= 1.8")"
printf '%-60s %7.2fx   target >= 1.8x  %s\n' "--jobs 2 / --jobs 1 throughput (with suggestions)" "$s2" "$(verdict "$s2 >= 1.8")"
printf '%-60s %5s MB   target <= 150 MB %s\n' "peak RSS of a worker on a $long200-page plan" "$rss200" "$(verdict "$rss200 <= 150")"
echo
echo "CPU time (load-independent view of the same runs):"
printf '%-60s %7.2fx\n' "CPU: check without suggestions / pdftotext" "$(echo "$c_j1_nosugg / $ptc" | bc -l)"
printf '%-60s %7.2fx\n' "CPU: check with suggestions / pdftotext" "$(echo "$c_j1_sugg / $ptc" | bc -l)"
printf '%-60s %7.2fx\n' "CPU: --jobs 2 / --jobs 1 (1.00 = no parallel overhead)" "$(echo "$c_j2_nosugg / $c_j1_nosugg" | bc -l)"
