package org.dars.extraction;

import com.ibm.icu.text.CharsetDetector;
import com.ibm.icu.text.CharsetMatch;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Recognises plain text in legacy 8-bit charsets, which byte-magic detection reports as binary.
 * Persian and Arabic text from older Windows machines is often Windows-1256: every letter is a byte
 * above 0x7F. A file counts as text when its head has no NUL and almost no control bytes, and ICU's
 * charset detector is reasonably confident about some charset.
 */
final class LegacyText {
  private static final int SAMPLE = 64 * 1024;
  private static final int MIN_CONFIDENCE = 40;

  private LegacyText() {}

  static boolean looksLikeText(Path file) throws IOException {
    byte[] head;
    try (InputStream in = Files.newInputStream(file)) {
      head = in.readNBytes(SAMPLE);
    }
    if (head.length == 0) {
      return false;
    }
    int controls = 0;
    for (byte b : head) {
      int c = b & 0xFF;
      if (c == 0) {
        return false;
      }
      if (c < 0x09 || (c > 0x0D && c < 0x20) || c == 0x7F) {
        controls++;
      }
    }
    if (controls * 100 > head.length) {
      return false;
    }
    CharsetMatch match = new CharsetDetector().setText(head).detect();
    return match != null && match.getConfidence() >= MIN_CONFIDENCE;
  }
}
