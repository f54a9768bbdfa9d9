#!/usr/bin/python3
"""Check that every item in manifest.json really carries its text.
Needs poppler-utils, unzip-free (uses zipfile), tesseract-ocr(-fas,-ara) for OCR items.
Run from content-samples/:  python3 src/scripts/verify.py"""
import json, re, subprocess, sys, unicodedata, zipfile, shutil, html

def strip_xml(b):
    return html.unescape(re.sub(r"<[^>]+>", " ", b.decode("utf-8")))

def zip_text(path, pattern):
    with zipfile.ZipFile(path) as z:
        return " ".join(strip_xml(z.read(n)) for n in z.namelist() if re.search(pattern, n))

def extract(path, exp):
    ext = path.rsplit(".", 1)[1]
    if exp["text"] == "ocr":
        if not shutil.which("tesseract"):
            return None
        img = path
        if ext == "pdf":
            subprocess.run(["pdftoppm", "-r", "150", "-png", "-singlefile", path, "/tmp/_ocr"], check=True)
            img = "/tmp/_ocr.png"
        lang = {"fa": "fas", "ar": "ara"}[exp["language"]]
        return subprocess.run(["tesseract", img, "-", "-l", lang], capture_output=True, text=True).stdout
    if ext == "pdf":
        return subprocess.run(["pdftotext", path, "-"], capture_output=True, text=True).stdout
    if ext == "docx":
        return zip_text(path, r"^word/document\.xml$")
    if ext == "odt":
        return zip_text(path, r"^content\.xml$")
    if ext == "pptx":
        return zip_text(path, r"^ppt/slides/slide\d+\.xml$")
    if ext == "xlsx":
        return zip_text(path, r"^xl/(sharedStrings|worksheets/sheet\d+)\.xml$")
    if ext == "epub":
        return zip_text(path, r"\.xhtml$")
    if ext == "html":
        return strip_xml(open(path, "rb").read())
    if ext == "txt":
        raw = open(path, "rb").read()
        return raw.decode("cp1256") if ".cp1256." in path else raw.decode("utf-8")
    raise ValueError(path)

m = json.load(open("manifest.json", encoding="utf-8"))
bad = 0
for it in m["items"]:
    exp, path = it["expect"], it["file"]
    if exp["text"] is False:
        print("skip  %-32s (%s)" % (it["key"], exp.get("reason")))
        continue
    t = extract(path, exp)
    if t is None:
        print("skip  %-32s (no tesseract)" % it["key"]); continue
    norm = unicodedata.normalize("NFKC", t)
    ok = exp["contains"] in norm
    pf = sum(1 for c in t if 0xFB50 <= ord(c) <= 0xFEFF)
    print("%s %-32s contains %s  words=%d presentation-forms=%d" % ("ok   " if ok else "FAIL ", it["key"], exp["contains"], len(t.split()), pf))
    bad += not ok
print("%d passed, %d failed" % (len(m["items"]) - bad, bad))
sys.exit(1 if bad else 0)
