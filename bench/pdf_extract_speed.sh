#!/bin/sh
# Measures read_pdf (Poppler text with fonts + layout) against pdftotext on
# the same long PDF in the same run. Prints figures; not a test.
#   bench/pdf_extract_speed.sh [build-dir] [file.pdf]
# Without a file it makes a ~150-page plan-like PDF with LibreOffice.
# Needs: a build of plantjek_extractor in build-dir (default /tmp/build-pdf),
# soffice, pdftotext, pdfinfo, pkg-config.
set -eu
src=$(cd "$(dirname "$0")/.." && pwd)
build=${1:-/tmp/build-pdf}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
pdf=${2:-}
if [ -z "$pdf" ]; then
  para='Jobcentret vil i det kommende år styrke den virksomhedsrettede indsats, så flere ledige kommer i ordinær beskæftigelse. Indsatsen tilrettelægges i tæt samarbejde med virksomhederne, uddannelsesinstitutionerne og de faglige organisationer, og den følges op hvert kvartal i beskæftigelsesudvalget. Målet er, at andelen af unge på offentlig forsørgelse falder, at langtidsledigheden bremses, og at færre borgere overgår til permanente ydelser.'
  {
    printf '<?xml version="1.0" encoding="UTF-8"?>\n<office:document xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" office:version="1.3" office:mimetype="application/vnd.oasis.opendocument.text"><office:body><office:text>\n'
    i=1
    while [ $i -le 200 ]; do
      printf '<text:h text:outline-level="1">%d. Afsnit om beskæftigelsesindsatsen</text:h>\n' $i
      j=1; while [ $j -le 6 ]; do printf '<text:p>%s</text:p>\n' "$para"; j=$((j + 1)); done
      i=$((i + 1))
    done
    printf '</office:text></office:body></office:document>\n'
  } > "$work/long.fodt"
  (cd "$work" && HOME="$work" soffice -env:UserInstallation="file://$work/lo" --headless \
      --convert-to pdf long.fodt >/dev/null 2>&1)
  pdf="$work/long.pdf"
fi
g++ -O2 -std=c++20 -I"$src" "$src/bench/pdf_extract_speed.cpp" "$build/extractor/libplantjek_extractor.a" \
    $(pkg-config --libs poppler-cpp libutf8proc hunspell libzip libxml-2.0 tesseract re2) -o "$work/speed"
pages=$(pdfinfo "$pdf" | awk '/^Pages:/ {print $2}')
echo "file: $pdf ($pages pages, $(wc -c < "$pdf") bytes)"
"$work/speed" "$pdf" 5
best=""
for run in 1 2 3 4 5; do
  t0=$(date +%s.%N); pdftotext "$pdf" /dev/null; t1=$(date +%s.%N)
  t=$(echo "$t1 - $t0" | bc -l)
  if [ -z "$best" ] || [ "$(echo "$t < $best" | bc -l)" = 1 ]; then best=$t; fi
done
printf 'pdftotext: %d pages, best of 5: %.3f s = %.0f pages/s (process included)\n' "$pages" "$best" \
    "$(echo "$pages / $best" | bc -l)"
