package org.dars.extraction;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Each hostile file ends in an {@link ExtractionException} whose message a person can act on. */
class HostileFilesTest {
  static final Extractor EXTRACTOR = new Extractor(new ExtractionLimits(1_000_000, 50, 5, false));

  @TempDir Path tmp;

  private ExtractionException failure(byte[] content) throws Exception {
    Path file = tmp.resolve("hostile.bin");
    Files.write(file, content);
    return assertThrows(ExtractionException.class, () -> EXTRACTOR.extract(file));
  }

  @Test
  void zipBombIsRefused() throws Exception {
    byte[] bomb = HostileFiles.zipBomb(200);
    assertTrue(bomb.length < 2_000_000, "the bomb itself is small: " + bomb.length);
    ExtractionException e = failure(bomb);
    assertTrue(e.getMessage().contains("zip bomb"), e.getMessage());
  }

  @Test
  void deeplyNestedPackagesAreRefused() throws Exception {
    ExtractionException e = failure(HostileFiles.nestedZip(30));
    assertTrue(e.getMessage().contains("nest") || e.getMessage().contains("zip bomb"), e.getMessage());
  }

  @Test
  void tooManyEmbeddedDocumentsAreRefused() throws Exception {
    ExtractionException e = failure(HostileFiles.manyEntries(500));
    assertTrue(e.getMessage().contains("embeds more than 50"), e.getMessage());
  }

  @Test
  void passwordProtectedPdfIsReportedAsSuch() throws Exception {
    ExtractionException e = failure(HostileFiles.passwordProtectedPdf());
    assertTrue(e.getMessage().contains("password"), e.getMessage());
  }
}
