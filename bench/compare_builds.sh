#!/bin/sh
# Instructions executed by two builds of plantjek on the same plans, side by
# side: the figure that says whether a change made the pipeline slower,
# independent of what else the machine is doing (valgrind's callgrind counts
# instructions, not seconds). Not a test; prints one line per file and the
# ratio of the totals.
#
#   bench/compare_builds.sh [--one-process | --scan] BEFORE-BUILD AFTER-BUILD [FILE...]
#
# --one-process checks all the files in one `check` process, as a scan's
# worker does: what is made once on first use (the built-in patterns that
# compile when the first plan needs them) is then paid once, not per file.
# --scan runs `scan --jobs 1 --no-suggestions` over the files (linked into
# a folder) into a fresh database and adds up the instructions of the
# parent and its worker. Callgrind counts a forked worker from the parent's
# start, so the sum holds the start (profiles, dictionaries) twice: compare
# the two builds' sums with each other, not with --one-process.
#
# Each build directory must hold cli/plantjek; each binary reads its own
# source tree's profiles and dictionaries. Default files: every 4th corpus
# PDF. Runs `check --no-suggestions` (the spelling check runs; the slow
# suggestions are left out, as in scan_bench's main figure), one process per
# file. The start (loading the profiles and the dictionary, which a scan
# does once and its forked workers share) is measured apart on a one-line
# text file and subtracted: "net" is what each further plan costs, the
# figure that decides a scan's throughput. Cost: about 50 times the run time
# of the checks. Needs valgrind and bc.
set -eu
src=$(cd "$(dirname "$0")/.." && pwd)
one=0; [ "${1:-}" = --one-process ] && { one=1; shift; }
scan=0; [ "${1:-}" = --scan ] && { scan=1; shift; }
before=$1; after=$2; shift 2
[ -x "$before/cli/plantjek" ] && [ -x "$after/cli/plantjek" ] || { echo "usage: $0 BEFORE-BUILD AFTER-BUILD [FILE...]" >&2; exit 2; }
if [ $# -eq 0 ]; then set -- $(ls "$src"/corpus/pdf/*.pdf | awk 'NR % 4 == 1'); fi
count() {  # binary file... -> instructions
  bin=$1; shift
  valgrind --tool=callgrind --callgrind-out-file=/dev/null "$bin" --lang en check --no-suggestions "$@" 2>&1 >/dev/null |
    sed -n 's/.*Collected : \([0-9]*\).*/\1/p' | tail -1
}
scan_count() {  # binary file... -> instructions of the scan's processes
  bin=$1; shift; dir=$(mktemp -d)
  for f in "$@"; do ln -s "$(cd "$(dirname "$f")" && pwd)/$(basename "$f")" "$dir/"; done
  valgrind --tool=callgrind --callgrind-out-file=/dev/null "$bin" --lang en scan --jobs 1 --no-suggestions \
    --db "$dir/scan.db" "$dir" 2>&1 >/dev/null | sed -n 's/.*Collected : \([0-9]*\).*/\1/p' |
    awk '{ s += $1 } END { printf "%.0f", s }'
  rm -rf "$dir"
}
if [ $scan = 1 ]; then
  b=$(scan_count "$before/cli/plantjek" "$@"); a=$(scan_count "$after/cli/plantjek" "$@")
  printf '%-48s %15s %15s %8s\n' "scan of $# files (parent + worker)" "$b" "$a" "$(echo "scale=4; $a / $b" | bc)"
  exit 0
fi
tiny=$(mktemp); trap 'rm -f "$tiny"' EXIT; printf 'x\n' > "$tiny"
sb=$(count "$before/cli/plantjek" "$tiny"); sa=$(count "$after/cli/plantjek" "$tiny")
printf '%-48s %15s %15s %8s\n' "start (one-line file)" "$sb" "$sa" "$(echo "scale=3; $sa / $sb" | bc)"
if [ $one = 1 ]; then
  b=$(($(count "$before/cli/plantjek" "$@") - sb)); a=$(($(count "$after/cli/plantjek" "$@") - sa))
  printf '%-48s %15s %15s %8s\n' "$# files in one process (net of the start)" "$b" "$a" "$(echo "scale=4; $a / $b" | bc)"
  exit 0
fi
tb=0; ta=0
printf '%-48s %15s %15s %8s\n' "file (net of the start)" before after ratio
for f in "$@"; do
  b=$(($(count "$before/cli/plantjek" "$f") - sb)); a=$(($(count "$after/cli/plantjek" "$f") - sa))
  tb=$((tb + b)); ta=$((ta + a))
  printf '%-48s %15s %15s %8s\n' "$(basename "$f")" "$b" "$a" "$(echo "scale=3; $a / $b" | bc)"
done
printf '%-48s %15s %15s %8s\n' "total (net)" "$tb" "$ta" "$(echo "scale=4; $ta / $tb" | bc)"
