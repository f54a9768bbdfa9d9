package org.dars.extraction;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ExtractorTest {
  static final Path SAMPLES = Path.of("content-samples/items");
  static final Extractor EXTRACTOR = new Extractor(new ExtractionLimits(1_000_000, 50, 5, false));

  @TempDir Path tmp;

  @Test
  void readsArabicTextInWindows1256() throws Exception {
    Extraction e = EXTRACTOR.extract(SAMPLES.resolve("drip-maintenance.ar.cp1256.txt"));
    assertTrue(e.text().contains("المنقطات"), e.text().substring(0, Math.min(300, e.text().length())));
    assertEquals("ar", e.language().orElseThrow());
  }

  @Test
  void readsPersianTextInUtf16() throws Exception {
    Path file = tmp.resolve("utf16.txt");
    Files.writeString(file, "\uFEFFآموزش‌های عملی برداشت خرما برای هنرجویان خوزستان در کارگاه", StandardCharsets.UTF_16LE);
    Extraction e = EXTRACTOR.extract(file);
    assertTrue(e.text().contains("برداشت خرما"), e.text());
  }

  @Test
  void persianPdfFromLibreOfficeComesOutInLogicalOrder() throws Exception {
    Extraction e = EXTRACTOR.extract(SAMPLES.resolve("date-hygiene.fa.pdf"));
    assertEquals("application/pdf", e.mediaType());
    assertTrue(e.text().contains("بهداشت"), e.text().substring(0, 200));
    assertEquals("fa", e.language().orElseThrow());
  }

  @Test
  void presentationFormsBecomeLettersThroughNfkc() throws Exception {
    Extraction e = EXTRACTOR.extract(SAMPLES.resolve("drip-safety-shaped.ar.pdf"));
    assertTrue(e.text().codePoints().noneMatch(c -> c >= 0xFB50 && c <= 0xFEFC), "no presentation forms left");
    assertEquals("ar", e.language().orElseThrow());
  }

  @Test
  void detectsTheTypeFromBytesNotTheName() throws Exception {
    Path disguised = tmp.resolve("lesson.pdf");
    Files.copy(SAMPLES.resolve("date-harvest.fa.docx"), disguised);
    assertEquals("application/vnd.openxmlformats-officedocument.wordprocessingml.document", EXTRACTOR.detect(disguised));
  }

  @Test
  void malformedPdfFailsWithAReason() throws IOException {
    Path broken = tmp.resolve("broken.pdf");
    byte[] pdf = Files.readAllBytes(SAMPLES.resolve("date-hygiene.fa.pdf"));
    Files.write(broken, java.util.Arrays.copyOf(pdf, 400));
    ExtractionException e = assertThrows(ExtractionException.class, () -> EXTRACTOR.extract(broken));
    assertTrue(e.getMessage().contains("damaged") || e.getMessage().contains("structure"), e.getMessage());
  }

  static Charset cp1256() {
    return Charset.forName("windows-1256");
  }
}
