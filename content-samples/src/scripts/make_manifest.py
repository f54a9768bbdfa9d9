#!/usr/bin/python3
"""Writes content-samples/manifest.json (the source of truth for item metadata).
Run from content-samples/:  python3 src/scripts/make_manifest.py"""
import json, os

LIC = "CC-BY-4.0"
FA_SUBJ = "صنایع تبدیلی خرما"
AR_SUBJ = "الري بالتنقيط"
AR_DATE_SUBJ = "تصنيع التمور وتعبئتها"
KH, MY = "khuzestan-tvto", "maysan-vtc"

def item(key, file, title, desc, lang, level, tags, org, contains=None, subj=None,
         translation=None, text=True, reason=None):
    exp = {"text": text, "language": lang}
    if contains:
        exp["contains"] = contains
    if reason:
        exp["reason"] = reason
    return {
        "key": key, "file": "items/" + file, "title": title, "description": desc,
        "language": [lang],
        "subjects": [subj or (FA_SUBJ if lang == "fa" else AR_SUBJ)],
        "level": level, "tags": tags, "license": LIC, "authors": ["Dars contributors"],
        "organisation": org, "source": "Dars content-samples", "translationOf": translation,
        "expect": exp,
    }

items = [
 # ---------------- Persian: date processing ----------------
 item("date-harvest-fa", "date-harvest.fa.docx", "برداشت خرما و درجه‌بندی",
      "مراحل رسیدن خرما، زمان برداشت ارقام برحی، زاهدی، کبکاب و استعمران، روش بهداشتی برداشت و درجه‌بندی اولیه (DOCX، پاراگراف‌های راست‌به‌چپ).",
      "fa", "beginner", ["خرما", "برداشت", "درجه‌بندی"], KH, "خرما"),
 item("date-varieties-fa", "date-varieties.fa.odt", "شناخت ارقام تجاری خرمای خوزستان",
      "ویژگی‌های ارقام برحی، زاهدی، کبکاب و استعمران (سایر) و جدول مقایسه برای کارگاه (ODT راست‌به‌چپ).",
      "fa", "beginner", ["خرما", "ارقام", "خوزستان"], KH, "استعمران"),
 item("date-hygiene-fa", "date-hygiene.fa.pdf", "بهداشت کارگاه خرما و اصول HACCP",
      "بهداشت فردی، بهداشت محیط کارگاه و هفت اصل HACCP با مثال‌هایی از خطرهای خرما (PDF ساخته‌شده با LibreOffice).",
      "fa", "intermediate", ["بهداشت", "HACCP", "ایمنی غذا"], KH, "بهداشت"),
 item("hygiene-checklist-fa", "hygiene-checklist.fa.xlsx", "چک‌لیست بهداشت روزانه کارگاه خرما",
      "چک‌لیست ۱۷ بندی بازرسی روزانه بهداشت فردی، محیط، آب، تجهیزات و سردخانه (XLSX راست‌به‌چپ).",
      "fa", "beginner", ["بهداشت", "چک‌لیست", "بازرسی"], KH, "سردخانه"),
 item("date-drying-fa", "date-drying.fa.html", "خشک کردن خرما به روش بهداشتی",
      "هدف خشک کردن، رطوبت مناسب، خشک کردن آفتابی روی قفسه، خشک‌کن خورشیدی و هوای گرم. نسخه وب: همه نیم‌فاصله‌ها حذف شده‌اند (میکند، آموزشهای).",
      "fa", "intermediate", ["خرما", "خشک کردن", "رطوبت"], KH, "خشک"),
 item("date-cold-storage-fa", "date-cold-storage.fa.txt", "انبار سرد و نگهداری خرما",
      "دما و رطوبت نگهداری ارقام مختلف، پیش‌سرد کردن، چیدمان پالت، پایش روزانه و کنترل آفات انباری. متن UTF-8 با ارقام فارسی، عربی-هندی و لاتین درهم.",
      "fa", "intermediate", ["انبار", "سردخانه", "آفات انباری"], KH, "سردخانه"),
 item("date-storage-notice-scan-png", "cold-storage-notice-scan.fa.png", "دستورالعمل ورود به سردخانه خرما (اسکن)",
      "صفحه اسکن‌شده و کمی چرخیده و نویزدار از دستورالعمل ایمنی سردخانه؛ فقط تصویر، متن با OCR.",
      "fa", "beginner", ["سردخانه", "ایمنی", "اسکن"], KH, "سردخانه", text="ocr", reason="ocr"),
 item("date-storage-notice-scan-pdf", "cold-storage-notice-scan.fa.pdf", "دستورالعمل ورود به سردخانه خرما (PDF اسکن)",
      "همان صفحه اسکن‌شده در قالب PDF فقط‌تصویر، بدون لایه متن؛ متن با OCR.",
      "fa", "beginner", ["سردخانه", "ایمنی", "اسکن"], KH, "سردخانه", text="ocr", reason="ocr"),
 item("date-packaging-fa", "date-packaging.fa.pptx", "بسته‌بندی خرما",
      "اسلایدهای آموزشی درباره هدف بسته‌بندی، انواع بسته، مراحل کار در سالن، اطلاعات برچسب و خطاهای رایج (PPTX).",
      "fa", "beginner", ["بسته‌بندی", "برچسب", "خرما"], KH, "برچسب"),
 item("date-packaging-video-fa", "packaging-steps.fa.mp4", "مراحل بسته‌بندی خرما (ویدیو)",
      "ویدیوی کوتاه ده‌ثانیه‌ای به شکل نمایش اسلاید از چهار مرحله بسته‌بندی: توزین، پر کردن و دوخت، فلزیاب و کنترل وزن، برچسب‌زنی.",
      "fa", "beginner", ["بسته‌بندی", "ویدیو"], KH, text=False, reason="video"),
 item("date-label-fa", "date-label.fa.jpg", "نمونه برچسب بسته خرمای زاهدی",
      "تصویر نمونه برچسب بسته یک کیلوگرمی با زیرنویس فارسی: وزن خالص، تاریخ تولید و انقضا، شماره بچ، پروانه بهداشتی.",
      "fa", "beginner", ["برچسب", "بسته‌بندی", "تصویر"], KH, "برچسب", text="ocr", reason="ocr"),
 item("date-quality-control-fa", "date-quality-control.fa.pdf", "کنترل کیفیت خرما در کارگاه",
      "نمونه‌برداری، اندازه‌گیری رطوبت با رطوبت‌سنج و روش آون، شمارش عیب‌ها، یکنواختی اندازه و تصمیم‌گیری درباره بچ (PDF ساخته‌شده با LibreOffice).",
      "fa", "intermediate", ["کنترل کیفیت", "رطوبت", "عیوب"], KH, "رطوبت"),
 item("moisture-measurements-fa", "moisture-measurements.fa.xlsx", "جدول اندازه‌گیری رطوبت و عیوب بچ‌های خرما",
      "جدول نمونه نتایج کنترل کیفیت ۱۲ بچ زاهدی، استعمران و کبکاب: رطوبت، درصد عیوب، آفت زنده، تعداد در ۵۰۰ گرم و نتیجه (XLSX).",
      "fa", "intermediate", ["کنترل کیفیت", "رطوبت", "جدول"], KH, "رطوبت"),
 item("date-grading-chart-fa", "date-grading-chart.fa.png", "راهنمای درجه‌بندی خرما (تصویر)",
      "نمودار سه درجه خرما (درجه یک، درجه دو، صنعتی) با زیرنویس فارسی: «سه درجه خرما؛ میوه کپک‌زده در هیچ درجه‌ای پذیرفته نمی‌شود».",
      "fa", "beginner", ["درجه‌بندی", "تصویر"], KH, "درجه", text="ocr", reason="ocr"),
 item("hygiene-reminder-audio-fa", "hygiene-reminder.fa.ogg", "یادآوری صوتی بهداشت دست",
      "پیام صوتی کوتاه (espeak-ng، حدود ۸ ثانیه): «پیش از ورود به سالن بسته‌بندی، دست‌ها را با آب و صابون بشویید و روپوش و کلاه تمیز بپوشید.»",
      "fa", "beginner", ["بهداشت", "صوت"], KH, text=False, reason="audio without speech-to-text"),
 item("date-washing-web-fa", "date-washing-web.fa.txt", "شستشو و ضدعفونی خرما قبل از بسته‌بندی (کپی از انجمن اینترنتی)",
      "تجربه یک بسته‌بند آبادانی درباره شستشوی کوتاه، کلرزنی و خشک کردن سطحی. نویز واقعی متن وب: ی و ک عربی (ي ك)، نیم‌فاصله حذف‌شده، ارقام فارسی و عربی و لاتین.",
      "fa", "beginner", ["شستشو", "ضدعفونی", "کلر"], KH, "خرما"),
 item("date-handbook-fa", "date-handbook.fa.epub", "کتابچه آموزشی فرآوری خرما",
      "کتاب الکترونیکی EPUB3 راست‌به‌چپ شامل درس‌های برداشت، خشک کردن، انبار سرد و کنترل کیفیت.",
      "fa", "intermediate", ["خرما", "کتابچه"], KH, "خرما"),
 item("drip-maintenance-fa", "drip-maintenance.fa.docx", "نگهداری و سرویس سامانه آبیاری قطره‌ای",
      "ترجمه فارسی درس صیانت منظومه الری بالتنقیط از برنامه میسان: بازدید روزانه، سرویس هفتگی، کلرزنی، اسیدشویی و پایان فصل (DOCX).",
      "fa", "intermediate", ["آبیاری قطره‌ای", "نگهداری", "ترجمه"], KH, "فیلتر",
      subj="آبیاری قطره‌ای", translation="drip-maintenance-ar"),
 # ---------------- Arabic: drip irrigation ----------------
 item("drip-components-ar", "drip-components.ar.docx", "مكونات منظومة الري بالتنقيط في البيوت المحمية",
      "أجزاء المنظومة من مصدر الماء إلى المنقطات وصمامات الغسيل، مع نصائح التركيب في البيت البلاستيكي 9 × 50 م (DOCX، عنوان مشكول بالحركات).",
      "ar", "beginner", ["الري بالتنقيط", "البيوت المحمية", "المكونات"], MY, "المنقطات"),
 item("drip-emitters-ar", "drip-emitters.ar.odt", "المنقطات: أنواعها واختيارها",
      "المنقطات الخارجية والمدمجة والمعوضة للضغط، واختيار التصريف والمسافة حسب التربة، وفحص التصريف في الحقل (ODT، عنوان مشكول).",
      "ar", "beginner", ["المنقطات", "التصريف"], MY, "المنقط"),
 item("drip-flow-test-ar", "drip-flow-test.ar.txt", "تمرين عملي: قياس تجانس تصريف المنقطات",
      "ورقة تمرين حقلي في العمارة بقراءات حقيقية الشكل ومعامل التجانس. نص UTF-8 بالأرقام العربية الهندية (٠١٢٣).",
      "ar", "intermediate", ["المنقطات", "التجانس", "تمرين"], MY, "المنقطات"),
 item("drip-layout-ar", "drip-layout.ar.png", "مخطط منظومة التنقيط في بيت بلاستيكي (صورة)",
      "مخطط توزيع الخط الفرعي وخطوط التنقيط والمنقطات وسدادات الغسيل، مع تعليق عربي.",
      "ar", "beginner", ["مخطط", "صورة"], MY, "التنقيط", text="ocr", reason="ocr"),
 item("drip-filtration-ar", "drip-filtration-pressure.ar.pdf", "الترشيح وضبط الضغط في منظومة التنقيط",
      "فلاتر الرمل والشبكة والأقراص وترتيبها، ومتى يُغسل الفلتر حسب فرق الضغط، وضبط ضغط التشغيل (PDF من LibreOffice).",
      "ar", "intermediate", ["الفلاتر", "الضغط"], MY, "الفلتر"),
 item("filter-cleaning-video-ar", "filter-cleaning.ar.webm", "تنظيف الفلتر الشبكي (فيديو)",
      "فيديو قصير بشكل عرض شرائح (نحو 8 ثوانٍ، WebM) لخطوات تنظيف الفلتر الشبكي.",
      "ar", "beginner", ["الفلاتر", "فيديو"], MY, text=False, reason="video"),
 item("drip-scheduling-ar", "drip-scheduling.ar.html", "جدولة الري بالتنقيط: كم نسقي ومتى؟",
      "حساب الاستهلاك المائي من التبخر-نتح ومعامل المحصول، مثال محسوب لبيت 450 م² من الطماطة، تقسيم الرية ومراقبة رطوبة التربة (HTML).",
      "ar", "intermediate", ["الجدولة", "الاحتياج المائي"], MY, "الري"),
 item("water-requirements-ar", "water-requirements.ar.xlsx", "جدول الاحتياج المائي الشهري للطماطة في بيت محمي",
      "جدول قياسات وحسابات شهرية من تشرين الأول إلى أيار: التبخر-نتح، معامل المحصول، الحجم اليومي ومدة التشغيل (XLSX من اليمين إلى اليسار).",
      "ar", "intermediate", ["الجدولة", "جدول", "الطماطة"], MY, "الاستهلاك"),
 item("drip-fertigation-ar", "drip-fertigation.ar.pptx", "التسميد مع مياه الري",
      "شرائح عن أجهزة الحقن والأسمدة الذائبة والتوصيل الكهربائي والرقم الهيدروجيني وتسلسل الرية السمادية (PPTX).",
      "ar", "intermediate", ["التسميد", "الحقن"], MY, "السماد"),
 item("drip-safety-shaped-ar", "drip-safety-shaped.ar.pdf", "إرشادات السلامة عند حقن الأسمدة والحوامض",
      "PDF من LibreOffice نصه مكتوب بأشكال العرض العربية (U+FB50–U+FEFF)، فيُستخرج النص بحروف أشكال العرض ويحتاج إلى تطبيع NFKC.",
      "ar", "intermediate", ["السلامة", "التسميد", "الحوامض"], MY, "الحامض"),
 item("drip-maintenance-ar", "drip-maintenance.ar.cp1256.txt", "صيانة منظومة الري بالتنقيط",
      "الفحص اليومي والصيانة الأسبوعية والمعالجة بالكلور والحامض ونهاية الموسم. نص بترميز Windows-1256 ونهايات أسطر CRLF.",
      "ar", "intermediate", ["الصيانة", "الانسداد", "الكلور"], MY, "المنقطات"),
 item("flush-instruction-audio-ar", "flush-instruction.ar.mp3", "تعليمة صوتية: غسل نهاية الخط",
      "مقطع صوتي قصير (espeak-ng، نحو 9 ثوانٍ): «افتح سدادة الغسيل في نهاية الخط، واترك الماء يجري حتى يخرج صافياً، ثم أغلقها.»",
      "ar", "beginner", ["الصيانة", "صوت"], MY, text=False, reason="audio without speech-to-text"),
 item("drip-handbook-ar", "drip-handbook.ar.epub", "دليل الري بالتنقيط في البيوت المحمية",
      "كتاب إلكتروني EPUB3 يجمع دروس المكونات والمنقطات والترشيح والجدولة.",
      "ar", "intermediate", ["الري بالتنقيط", "دليل"], MY, "التنقيط"),
 # ---------------- Arabic translations of date items ----------------
 item("hygiene-checklist-ar", "hygiene-checklist.ar.xlsx", "قائمة فحص النظافة اليومية في معمل التمور",
      "ترجمة عربية لقائمة الفحص الفارسية ذات 17 بنداً (XLSX من اليمين إلى اليسار).",
      "ar", "beginner", ["النظافة", "قائمة فحص", "التمور"], MY, "الكلور",
      subj=AR_DATE_SUBJ, translation="hygiene-checklist-fa"),
 item("date-quality-control-ar", "date-quality-control.ar.pdf", "السيطرة النوعية على التمور في المعمل",
      "ترجمة عربية لدرس كنترل كيفيت: أخذ العينات، قياس الرطوبة، عدّ العيوب، التجانس والقرار (PDF من LibreOffice).",
      "ar", "intermediate", ["السيطرة النوعية", "الرطوبة", "التمور"], MY, "الرطوبة",
      subj=AR_DATE_SUBJ, translation="date-quality-control-fa"),
 item("date-harvest-ar", "date-harvest.ar.docx", "جني التمور وتدريجها",
      "ترجمة عربية لدرس برداشت خرما، مع ملاحظة عن صنف الخستاوي والساير للمتدربين في العراق (DOCX، عنوان مشكول).",
      "ar", "beginner", ["التمور", "الجني", "التدريج"], MY, "الخستاوي",
      subj=AR_DATE_SUBJ, translation="date-harvest-fa"),
]

def E(item, note):
    return {"item": item, "note": note}

def L(title, *entries):
    return {"title": title, "entries": list(entries)}

def M(title, *lessons):
    return {"title": title, "lessons": list(lessons)}

curricula = [
 {
  "key": "date-processing-fa",
  "title": {"fa": "صنایع تبدیلی و بسته‌بندی خرما", "ar": "تصنيع التمور وتعبئتها", "en": "Date processing and packaging"},
  "description": "دوره مهارتی کارگر و سرپرست کارگاه فرآوری و بسته‌بندی خرما در خوزستان: از برداشت و درجه‌بندی تا بهداشت، خشک کردن، انبار سرد، بسته‌بندی و کنترل کیفیت.",
  "language": "fa", "subject": FA_SUBJ, "level": "beginner", "organisation": KH, "license": LIC,
  "modules": [
   M("برداشت و درجه‌بندی",
     L("زمان و روش برداشت",
       E("date-harvest-fa", "متن اصلی درس"),
       E("date-harvest-ar", "نسخه عربی برای همکاران میسان"),
       E("date-grading-chart-fa", "تصویر راهنما برای تمرین درجه‌بندی")),
     L("شناخت ارقام", E("date-varieties-fa", "پیش از بازدید از نخلستان بخوانید"))),
   M("بهداشت و HACCP",
     L("بهداشت فردی و محیط کارگاه",
       E("date-hygiene-fa", "متن اصلی درس"),
       E("hygiene-reminder-audio-fa", "پیام صوتی برای پخش در ورودی سالن")),
     L("چک‌لیست روزانه",
       E("hygiene-checklist-fa", "هر صبح توسط سرپرست شیفت پر شود"),
       E("hygiene-checklist-ar", "نسخه عربی همان چک‌لیست")),
     L("شستشو و ضدعفونی", E("date-washing-web-fa", "متن وب برای بحث در کلاس: کدام توصیه‌ها درست است؟"))),
   M("خشک کردن و انبارداری",
     L("خشک کردن", E("date-drying-fa", "پیش از کار عملی با خشک‌کن")),
     L("انبار سرد",
       E("date-cold-storage-fa", "متن اصلی درس"),
       E("date-storage-notice-scan-png", "دستورالعمل نصب‌شده روی درب سردخانه"),
       E("date-storage-notice-scan-pdf", "همان دستورالعمل در قالب PDF"))),
   M("بسته‌بندی",
     L("مواد و مراحل بسته‌بندی",
       E("date-packaging-fa", "اسلایدهای کلاس"),
       E("date-packaging-video-fa", "مرور سریع مراحل")),
     L("برچسب‌گذاری", E("date-label-fa", "نمونه برچسب برای تمرین"))),
   M("کنترل کیفیت",
     L("نمونه‌برداری و آزمون",
       E("date-quality-control-fa", "متن اصلی درس"),
       E("date-quality-control-ar", "نسخه عربی")),
     L("ثبت و تحلیل نتایج",
       E("moisture-measurements-fa", "تمرین: نتیجه هر بچ را توضیح دهید"),
       E("date-handbook-fa", "کتابچه مرور کل دوره"))),
  ],
 },
 {
  "key": "drip-irrigation-ar",
  "title": {"ar": "الري بالتنقيط في البيوت المحمية", "fa": "آبیاری قطره‌ای در گلخانه", "en": "Drip irrigation for greenhouses"},
  "description": "دورة مهارية عملية للمزارعين والفنيين في ميسان عن تركيب منظومات الري بالتنقيط في البيوت البلاستيكية وتشغيلها وجدولتها والتسميد معها وصيانتها.",
  "language": "ar", "subject": AR_SUBJ, "level": "beginner", "organisation": MY, "license": LIC,
  "modules": [
   M("مكونات المنظومة",
     L("الأجزاء الرئيسية",
       E("drip-components-ar", "النص الأساسي للدرس"),
       E("drip-layout-ar", "مخطط للشرح على السبورة")),
     L("المنقطات",
       E("drip-emitters-ar", "النص الأساسي للدرس"),
       E("drip-flow-test-ar", "تمرين حقلي يُنفذ في البيت البلاستيكي"))),
   M("الترشيح وضبط الضغط",
     L("الفلاتر ومقاييس الضغط",
       E("drip-filtration-ar", "النص الأساسي للدرس"),
       E("filter-cleaning-video-ar", "مراجعة سريعة لخطوات التنظيف"))),
   M("جدولة الري",
     L("حساب الاحتياج المائي",
       E("drip-scheduling-ar", "النص الأساسي مع المثال المحسوب"),
       E("water-requirements-ar", "جدول الحسابات الشهرية للتمرين"))),
   M("التسميد مع الري",
     L("الأجهزة والأسمدة", E("drip-fertigation-ar", "شرائح المحاضرة")),
     L("السلامة", E("drip-safety-shaped-ar", "تُقرأ قبل أي عملية حقن"))),
   M("الصيانة",
     L("الصيانة الدورية",
       E("drip-maintenance-ar", "النص الأساسي للدرس"),
       E("drip-maintenance-fa", "النسخة الفارسية لزملاء خوزستان"),
       E("flush-instruction-audio-ar", "تعليمة صوتية قصيرة")),
     L("المراجعة", E("drip-handbook-ar", "دليل يجمع دروس الدورة"))),
  ],
 },
]

manifest = {"license": LIC, "items": items, "curricula": curricula}

# sanity checks
keys = [i["key"] for i in items]
assert len(keys) == len(set(keys)), "duplicate keys"
for i in items:
    assert os.path.exists(i["file"]), i["file"]
    assert i["translationOf"] in (None, *keys)
used = {e["item"] for c in curricula for m in c["modules"] for l in m["lessons"] for e in l["entries"]}
assert used <= set(keys), used - set(keys)
assert set(keys) - used == set(), set(keys) - used

with open("manifest.json", "w", encoding="utf-8") as f:
    json.dump(manifest, f, ensure_ascii=False, indent=2)
    f.write("\n")
print("manifest.json: %d items, %d curricula" % (len(items), len(curricula)))
