#!/bin/sh
# Makes corpus/scanned/<id>.pdf: image-only PDFs that look like office scans
# of the born-digital corpus/pdf/<id>.pdf — each page rendered at 300 dpi,
# turned by a small angle (0.4–1.2°, differing per page), given sensor noise,
# specks and a slight blur, then either thresholded to black and white
# (CCITT G4, the usual archive scan) or kept grey as JPEG at 200 dpi. No text
# layer. Deterministic (seeded by plan id and page). Also makes
# corpus/legacy/<id>.doc and .rtf with LibreOffice from the DOCX.
#
# Needs: pdftoppm (poppler-utils), python3-pil, img2pdf, and for the legacy
# files soffice (libreoffice-writer-nogui). The outputs are committed; run
# this only to change them:   corpus/tools/make_scanned.sh
set -eu
corpus=$(cd "$(dirname "$0")/.." && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# id and style: bw = 300 dpi black and white, grey = 200 dpi grey JPEG
SCANNED="2010-esbjerg-jobkonsulent-annex-missing:bw 2012-kolding-budget-xxx:grey 2017-thisted-goal-missing:bw"
DOC="2010-odense-complete"
RTF="2011-horsens-complete"

mkdir -p "$corpus/scanned" "$corpus/legacy"
for entry in $SCANNED; do
    id=${entry%%:*}
    style=${entry#*:}
    mkdir -p "$work/$id"
    pdftoppm -r 300 -gray -png "$corpus/pdf/$id.pdf" "$work/$id/p"
    /usr/bin/python3 - "$work/$id" "$id" "$style" <<'PY'
import glob, os, random, sys
from PIL import Image, ImageChops, ImageDraw, ImageFilter
folder, ident, style = sys.argv[1], sys.argv[2], sys.argv[3]
for n, path in enumerate(sorted(glob.glob(os.path.join(folder, "p-*.png")))):
    rnd = random.Random(f"{ident}/{n}")
    im = Image.open(path).convert("L")
    angle = rnd.choice([-1, 1]) * rnd.uniform(0.4, 1.2)
    im = im.rotate(angle, resample=Image.BICUBIC, expand=False, fillcolor=255)
    # a slightly uneven page: shift it a few pixels
    dx, dy = rnd.randint(-25, 25), rnd.randint(-25, 25)
    im = im.transform(im.size, Image.AFFINE, (1, 0, dx, 0, 1, dy), fillcolor=255)
    im = im.filter(ImageFilter.GaussianBlur(0.8))
    noise = Image.effect_noise(im.size, 22)           # grey noise around 128
    im = ImageChops.add(im, noise, 1.0, -128)          # im + noise - 128, clipped
    w, h = im.size
    draw = ImageDraw.Draw(im)
    for _ in range(rnd.randint(150, 400)):             # specks: dust and toner
        x, y, r = rnd.randrange(w), rnd.randrange(h), rnd.randint(1, 3)
        draw.ellipse((x - r, y - r, x + r, y + r), fill=rnd.choice([0, 40, 80]))
    out = os.path.join(folder, f"s-{n:03d}")
    if style == "bw":
        im.point(lambda v: 0 if v < 150 else 255).convert("1").save(out + ".tif", compression="group4", dpi=(300, 300))
    else:
        im = im.resize((w * 2 // 3, h * 2 // 3), Image.LANCZOS)
        im.save(out + ".jpg", quality=55, dpi=(200, 200))
PY
    img2pdf --pagesize A4 --producer "" --nodate -o "$corpus/scanned/$id.pdf" "$work/$id"/s-*
    echo "scanned/$id.pdf"
done

home="$work/home"
mkdir -p "$home"
for id in $DOC; do
    HOME="$home" soffice -env:UserInstallation="file://$home/lo" --headless --convert-to doc \
        --outdir "$corpus/legacy" "$corpus/docx/$id.docx" >/dev/null
    echo "legacy/$id.doc"
done
for id in $RTF; do
    HOME="$home" soffice -env:UserInstallation="file://$home/lo" --headless --convert-to rtf \
        --outdir "$corpus/legacy" "$corpus/docx/$id.docx" >/dev/null
    echo "legacy/$id.rtf"
done
