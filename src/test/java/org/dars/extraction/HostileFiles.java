package org.dars.extraction;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.encryption.AccessPermission;
import org.apache.pdfbox.pdmodel.encryption.StandardProtectionPolicy;

/** Hostile and broken files, made on the spot so the repository carries no weapons. */
public final class HostileFiles {
  private HostileFiles() {}

  /** A small zip that inflates to {@code megabytes} of one repeated Persian line. */
  public static byte[] zipBomb(int megabytes) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    byte[] line = "خرما خرما خرما خرما خرما خرما خرما خرما\n".repeat(100).getBytes(java.nio.charset.StandardCharsets.UTF_8);
    try (ZipOutputStream zip = new ZipOutputStream(out)) {
      zip.setLevel(9);
      zip.putNextEntry(new ZipEntry("lesson.txt"));
      long written = 0;
      while (written < megabytes * 1024L * 1024L) {
        zip.write(line);
        written += line.length;
      }
      zip.closeEntry();
    }
    return out.toByteArray();
  }

  /** Zips inside zips, {@code depth} levels deep. */
  public static byte[] nestedZip(int depth) throws IOException {
    byte[] inner = "درس".getBytes(java.nio.charset.StandardCharsets.UTF_8);
    String name = "lesson.txt";
    for (int i = 0; i < depth; i++) {
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      try (ZipOutputStream zip = new ZipOutputStream(out)) {
        zip.putNextEntry(new ZipEntry(name));
        zip.write(inner);
        zip.closeEntry();
      }
      inner = out.toByteArray();
      name = "level-" + i + ".zip";
    }
    return inner;
  }

  /** A zip holding many small documents. */
  public static byte[] manyEntries(int count) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (ZipOutputStream zip = new ZipOutputStream(out)) {
      for (int i = 0; i < count; i++) {
        zip.putNextEntry(new ZipEntry("درس-" + i + ".txt"));
        zip.write(("درس شماره " + i).getBytes(java.nio.charset.StandardCharsets.UTF_8));
        zip.closeEntry();
      }
    }
    return out.toByteArray();
  }

  /** A PDF that opens only with a password. */
  public static byte[] passwordProtectedPdf() throws IOException {
    try (PDDocument doc = new PDDocument()) {
      doc.addPage(new PDPage());
      StandardProtectionPolicy policy = new StandardProtectionPolicy("owner-secret", "user-secret", new AccessPermission());
      policy.setEncryptionKeyLength(128);
      doc.protect(policy);
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      doc.save(out);
      return out.toByteArray();
    }
  }
}
