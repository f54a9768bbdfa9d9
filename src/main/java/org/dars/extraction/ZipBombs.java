package org.dars.extraction;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Enumeration;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;

/**
 * Refuses zip-based files (zip, OOXML, ODF, EPUB) whose entries declare far more bytes than the file
 * holds. The text limit already bounds what a bomb can do to memory; this check names the file for
 * what it is instead of storing a truncated, meaningless text. Entries that lie about their size
 * are caught while reading, by the Zip readers of POI and the character limit.
 */
final class ZipBombs {
  static final long MAX_RATIO = 100;
  static final long MIN_EXPANDED = 50L * 1024 * 1024;

  private ZipBombs() {}

  static void check(Path file, String mediaType) throws ExtractionException, IOException {
    long size = Files.size(file);
    long expanded = 0;
    try (ZipFile zip = new ZipFile(file.toFile())) {
      Enumeration<? extends ZipEntry> entries = zip.entries();
      while (entries.hasMoreElements()) {
        long entry = entries.nextElement().getSize();
        if (entry > 0) {
          expanded += entry;
        }
      }
    } catch (ZipException e) {
      return; // not a zip: nothing to check here
    }
    if (expanded > MIN_EXPANDED && expanded > MAX_RATIO * size) {
      throw new ExtractionException(mediaType, "The file expands far beyond its size (a suspected zip bomb): "
          + size + " bytes declare " + expanded + " bytes of content.", null);
    }
  }
}
