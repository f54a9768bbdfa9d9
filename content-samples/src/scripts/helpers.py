#!/usr/bin/python3
"""Helpers for content-samples/build.sh (Debian python3 + python3-openpyxl
+ python3-arabic-reshaper only).  Sub-commands:

  refdocx IN OUT        patch pandoc's reference.docx: complex-script font
  xlsx TSV OUT TITLE    TSV table -> right-to-left XLSX sheet
  pptx-rtl PPTX         mark every paragraph of a pandoc PPTX right-to-left
  shape IN OUT          rewrite Arabic text as presentation forms (U+FB50-U+FEFF)
  slides LANG OUTDIR T1 T2 ...   write one 640x360 SVG slide per title
"""
import sys, zipfile, shutil, re, os, csv, html

FONT = "Noto Naskh Arabic"


def rewrite_zip(path, fn):
    tmp = path + ".tmp"
    with zipfile.ZipFile(path) as zin, zipfile.ZipFile(tmp, "w", zipfile.ZIP_DEFLATED) as zout:
        for info in zin.infolist():
            data = zin.read(info.filename)
            data = fn(info.filename, data)
            zout.writestr(info, data)
    shutil.move(tmp, path)


def refdocx(src, out):
    shutil.copy(src, out)
    def fix(name, data):
        if name == "word/styles.xml":
            s = data.decode("utf-8")
            s = re.sub(r'w:cstheme="(major|minor)Bidi"', 'w:cs="%s"' % FONT, s)
            return s.encode("utf-8")
        return data
    rewrite_zip(out, fix)


def xlsx(tsv, out, title):
    from openpyxl import Workbook
    from openpyxl.styles import Font, Alignment, PatternFill
    wb = Workbook()
    ws = wb.active
    ws.title = title[:31]
    ws.sheet_view.rightToLeft = True
    with open(tsv, encoding="utf-8") as f:
        rows = list(csv.reader(f, delimiter="\t"))
    for r, row in enumerate(rows, 1):
        for c, val in enumerate(row, 1):
            v = val
            if r > 1 and re.fullmatch(r"-?\d+(\.\d+)?", val):
                v = float(val) if "." in val else int(val)
            cell = ws.cell(row=r, column=c, value=v)
            cell.alignment = Alignment(horizontal="right", vertical="top", wrap_text=True,
                                       readingOrder=2)
            cell.font = Font(name=FONT, bold=(r == 1))
            if r == 1:
                cell.fill = PatternFill("solid", fgColor="E8D3A3")
    for c in range(1, len(rows[0]) + 1):
        width = max(len(row[c - 1]) for row in rows if len(row) >= c)
        ws.column_dimensions[ws.cell(row=1, column=c).column_letter].width = min(max(8, width * 1.2), 60)
    ws.freeze_panes = "A2"
    wb.properties.creator = "Dars contributors"
    wb.properties.title = title
    wb.save(out)


def pptx_rtl(path):
    def fix(name, data):
        if re.match(r"ppt/slides/slide\d+\.xml$", name):
            s = data.decode("utf-8")
            # paragraphs that already have pPr
            s = re.sub(r"<a:pPr(?![^>]*rtl=)", '<a:pPr rtl="1" algn="r"', s)
            # paragraphs without pPr
            s = re.sub(r"<a:p>(?!<a:pPr)", '<a:p><a:pPr rtl="1" algn="r" />', s)
            s = re.sub(r"<a:rPr(?![^>]*<a:cs)([^>]*)/>", r'<a:rPr\1><a:cs typeface="%s" /></a:rPr>' % FONT, s)
            return s.encode("utf-8")
        return data
    rewrite_zip(path, fix)


def shape(src, out):
    import arabic_reshaper
    reshaper = arabic_reshaper.ArabicReshaper(configuration={"delete_harakat": False})
    with open(src, encoding="utf-8") as f:
        lines = f.read().split("\n")
    # keep logical order: only the glyph codes change, so a PDF renderer
    # still lays the text out right-to-left and extraction gives
    # presentation-form characters in reading order
    res = [reshaper.reshape(l) if l.strip() else l for l in lines]
    with open(out, "w", encoding="utf-8") as f:
        f.write("\n".join(res))


def slides(lang, outdir, titles):
    os.makedirs(outdir, exist_ok=True)
    colours = ["#6b3d0a", "#1d4d2b", "#1f4f7a", "#7a1f3d", "#4a4a10"]
    for i, t in enumerate(titles):
        lines = t.split("|")
        y0 = 180 - 28 * (len(lines) - 1)
        texts = "".join(
            '<text x="320" y="%d" font-size="%d" text-anchor="middle" fill="#fff"%s>%s</text>'
            % (y0 + 56 * k, 40 if k == 0 else 28, ' font-weight="bold"' if k == 0 else "", html.escape(l))
            for k, l in enumerate(lines))
        svg = ('<svg xmlns="http://www.w3.org/2000/svg" width="640" height="360" '
               'font-family="%s" direction="rtl"><rect width="640" height="360" fill="%s"/>%s</svg>'
               % (FONT, colours[i % len(colours)], texts))
        with open(os.path.join(outdir, "slide%02d.svg" % (i + 1)), "w", encoding="utf-8") as f:
            f.write(svg)


if __name__ == "__main__":
    cmd, args = sys.argv[1], sys.argv[2:]
    if cmd == "refdocx":
        refdocx(*args)
    elif cmd == "xlsx":
        xlsx(*args)
    elif cmd == "pptx-rtl":
        pptx_rtl(*args)
    elif cmd == "shape":
        shape(*args)
    elif cmd == "slides":
        slides(args[0], args[1], args[2:])
    else:
        sys.exit("unknown command " + cmd)
