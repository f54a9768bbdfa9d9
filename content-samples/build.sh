#!/bin/bash
# Rebuild every generated file in content-samples/items/ from content-samples/src/.
#
# Debian packages needed (Debian 12 names):
#   pandoc libreoffice-writer libreoffice-impress libreoffice-calc
#   python3 python3-openpyxl python3-arabic-reshaper
#   librsvg2-bin imagemagick ghostscript poppler-utils img2pdf
#   espeak-ng ffmpeg  fonts-noto-core (Noto Naskh Arabic)  fonts-dejavu-core
# Optional, for ./build.sh --check:  tesseract-ocr tesseract-ocr-fas tesseract-ocr-ara unzip
#
# Idempotent: run it as often as you like; it overwrites items/ in place.
# Not needed at test time: the generated files are committed.
set -euo pipefail
cd "$(dirname "$0")"
HERE=$(pwd)
SRC=src; OUT=items
PY=/usr/bin/python3          # Debian's python, where python3-openpyxl lives
H="$PY $SRC/scripts/helpers.py"
TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT
export SOURCE_DATE_EPOCH=1727740800 TZ=UTC LC_ALL=C.UTF-8
mkdir -p "$OUT"

soffice_to() {   # soffice_to FORMAT OUTDIR FILE
  soffice -env:UserInstallation=file://$TMP/lo-profile --headless --norestore \
    --convert-to "$1" --outdir "$2" "$3" >/dev/null 2>&1
}

# ---- reference.docx: pandoc default with a complex-script font -------------
pandoc -o "$TMP/ref0.docx" --print-default-data-file reference.docx
$H refdocx "$TMP/ref0.docx" "$TMP/ref.docx"

md_docx() {      # md_docx SRC.md OUT.docx LANG
  pandoc "$1" -f markdown -t docx --reference-doc="$TMP/ref.docx" \
    -M lang="$3" -M dir=rtl -o "$2"
}
lang_of() { case "$1" in *.fa.*) echo fa-IR;; *.ar.*) echo ar-IQ;; esac; }

echo "== DOCX"
for n in date-harvest.fa drip-components.ar date-harvest.ar drip-maintenance.fa; do
  md_docx $SRC/text/$n.md $OUT/$n.docx $(lang_of $n.)
done

echo "== ODT (pandoc -> docx -> LibreOffice)"
for n in date-varieties.fa drip-emitters.ar; do
  md_docx $SRC/text/$n.md "$TMP/$n.docx" $(lang_of $n.)
  soffice_to odt "$OUT" "$TMP/$n.docx"
done

echo "== PDF (LibreOffice)"
for n in date-hygiene.fa date-quality-control.fa drip-filtration-pressure.ar date-quality-control.ar; do
  md_docx $SRC/text/$n.md "$TMP/$n.docx" $(lang_of $n.)
  soffice_to pdf "$OUT" "$TMP/$n.docx"
done

echo "== PDF with Arabic presentation forms"
$H shape $SRC/text/drip-safety-shaped.ar.md "$TMP/drip-safety-shaped.ar.txt"
pandoc "$TMP/drip-safety-shaped.ar.txt" -f markdown -t docx --reference-doc="$TMP/ref.docx" \
  -M lang=ar-IQ -M dir=rtl -o "$TMP/drip-safety-shaped.ar.docx"
soffice_to pdf "$OUT" "$TMP/drip-safety-shaped.ar.docx"

echo "== HTML"
pandoc $SRC/text/drip-scheduling.ar.md -s -M lang=ar-IQ -M dir=rtl \
  -M pagetitle="جدولة الري بالتنقيط" -M author="Dars contributors" -o $OUT/drip-scheduling.ar.html
# the Persian page imitates a web copy: every ZWNJ (U+200C) is dropped
pandoc $SRC/text/date-drying.fa.md -s -M lang=fa-IR -M dir=rtl \
  -M pagetitle="خشک کردن خرما" -M author="Dars contributors" \
  | sed 's/\xe2\x80\x8c//g' > $OUT/date-drying.fa.html

echo "== EPUB"
pandoc $SRC/text/date-harvest.fa.md $SRC/text/date-drying.fa.md $SRC/text/date-cold-storage.fa.md \
  $SRC/text/date-quality-control.fa.md -t epub3 --toc -M lang=fa-IR -M dir=rtl \
  -M title="کتابچه آموزشی فرآوری خرما" -M author="Dars contributors" -M rights="CC BY 4.0" \
  -o $OUT/date-handbook.fa.epub
pandoc $SRC/text/drip-components.ar.md $SRC/text/drip-emitters.ar.md \
  $SRC/text/drip-filtration-pressure.ar.md $SRC/text/drip-scheduling.ar.md -t epub3 --toc \
  -M lang=ar-IQ -M dir=rtl -M title="دليل الري بالتنقيط في البيوت المحمية" \
  -M author="Dars contributors" -M rights="CC BY 4.0" -o $OUT/drip-handbook.ar.epub

echo "== PPTX"
pandoc $SRC/text/date-packaging.fa.md -t pptx -M lang=fa-IR -o $OUT/date-packaging.fa.pptx
pandoc $SRC/text/drip-fertigation.ar.md -t pptx -M lang=ar-IQ -o $OUT/drip-fertigation.ar.pptx
$H pptx-rtl $OUT/date-packaging.fa.pptx
$H pptx-rtl $OUT/drip-fertigation.ar.pptx

echo "== XLSX"
$H xlsx $SRC/tables/hygiene-checklist.fa.tsv $OUT/hygiene-checklist.fa.xlsx "چک‌لیست بهداشت"
$H xlsx $SRC/tables/hygiene-checklist.ar.tsv $OUT/hygiene-checklist.ar.xlsx "قائمة فحص النظافة"
$H xlsx $SRC/tables/moisture-measurements.fa.tsv $OUT/moisture-measurements.fa.xlsx "اندازه‌گیری رطوبت"
$H xlsx $SRC/tables/water-requirements.ar.tsv $OUT/water-requirements.ar.xlsx "الاحتياج المائي"

echo "== TXT"
cp $SRC/text/date-cold-storage.fa.md $OUT/date-cold-storage.fa.txt
cp $SRC/text/date-washing-web.fa.txt $OUT/date-washing-web.fa.txt
cp $SRC/text/drip-flow-test.ar.txt $OUT/drip-flow-test.ar.txt
# Windows-1256 (cp1256) with CRLF line ends, as an old Windows editor saves it
iconv -f UTF-8 -t CP1256 $SRC/text/drip-maintenance.ar.md | sed 's/$/\r/' > $OUT/drip-maintenance.ar.cp1256.txt

echo "== images"
rsvg-convert $SRC/svg/date-grading-chart.fa.svg -o $OUT/date-grading-chart.fa.png
rsvg-convert $SRC/svg/drip-layout.ar.svg -o $OUT/drip-layout.ar.png
rsvg-convert $SRC/svg/date-label.fa.svg -o "$TMP/label.png"
convert "$TMP/label.png" -strip -quality 85 $OUT/date-label.fa.jpg

echo "== audio (espeak-ng)"
espeak-ng -v fa -s 150 -w "$TMP/fa.wav" -f $SRC/text/audio-hygiene.fa.txt
ffmpeg -loglevel error -y -i "$TMP/fa.wav" -ac 1 -ar 22050 -c:a libvorbis -q:a 3 \
  -map_metadata -1 -bitexact $OUT/hygiene-reminder.fa.ogg
espeak-ng -v ar -s 150 -w "$TMP/ar.wav" -f $SRC/text/audio-flush.ar.txt
ffmpeg -loglevel error -y -i "$TMP/ar.wav" -ac 1 -ar 22050 -c:a libmp3lame -b:a 48k \
  -map_metadata -1 -bitexact $OUT/flush-instruction.ar.mp3

echo "== video (slideshow)"
make_video() {   # make_video LANG TITLES_FILE OUT ENCODER_ARGS...
  local lang=$1 titles=$2 out=$3; shift 3
  local d="$TMP/slides-$lang"
  mapfile -t T < "$titles"
  $H slides "$lang" "$d" "${T[@]}"
  for s in "$d"/*.svg; do rsvg-convert "$s" -o "${s%.svg}.png"; done
  ffmpeg -loglevel error -y -framerate 1/2 -i "$d/slide%02d.png" -r 10 -pix_fmt yuv420p \
    -map_metadata -1 "$@" "$out"
}
make_video fa $SRC/text/video-packaging.fa.txt $OUT/packaging-steps.fa.mp4 -c:v libx264 -crf 28 -preset veryslow -movflags +faststart
make_video ar $SRC/text/video-filter.ar.txt $OUT/filter-cleaning.ar.webm -c:v libvpx-vp9 -b:v 0 -crf 40

echo "== scanned page (image only)"
md_docx $SRC/text/scan-notice.fa.md "$TMP/scan.docx" fa-IR
soffice_to pdf "$TMP" "$TMP/scan.docx"
pdftoppm -r 150 -gray -png -singlefile -f 1 -l 1 "$TMP/scan.pdf" "$TMP/scan"
# slight rotation, paper tint, noise, blur: what a cheap office scanner gives
convert "$TMP/scan.png" -background white -rotate 1.2 +repage \
  -seed 7 -attenuate 0.35 +noise Gaussian -blur 0x0.4 -level 8%,95% \
  -colorspace Gray -depth 8 -strip -units PixelsPerInch -density 150 -define png:exclude-chunks=date,time $OUT/cold-storage-notice-scan.fa.png
img2pdf --producer "" --creationdate "2024-10-01T00:00:00" --moddate "2024-10-01T00:00:00" \
  -o $OUT/cold-storage-notice-scan.fa.pdf $OUT/cold-storage-notice-scan.fa.png

echo "== manifest.json"
$PY $SRC/scripts/make_manifest.py

if [ "${1:-}" = "--check" ]; then $PY $SRC/scripts/verify.py; fi

echo "done: $(ls $OUT | wc -l) files in $OUT, $(du -sh . | cut -f1) total"
