package org.dars.sharing;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.function.Function;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * Writes a package in constant memory: {@code manifest.json} (deflated), {@code manifest.json.sig}
 * (base64 Ed25519 signature of the manifest's exact bytes), then every included blob as
 * {@code blobs/sha256/<hex>}, stored uncompressed (media is mostly compressed already, and a
 * stored entry streams at disk speed). The order is part of the format: a reader checks the
 * signature before it reads any blob.
 */
final class PackageWriter {
  static final String MANIFEST = "manifest.json";
  static final String SIGNATURE = "manifest.json.sig";
  private static final int BUFFER = 1 << 16;

  private PackageWriter() {}

  /**
   * @param blobFile where each included blob's bytes are (the blob store's file)
   * @param signer signs the manifest bytes
   */
  static void write(Manifest manifest, Function<String, Path> blobFile, Function<byte[], byte[]> signer, OutputStream out)
      throws IOException {
    byte[] bytes = manifest.toBytes();
    byte[] signature = Base64.getEncoder().encode(signer.apply(bytes));
    ZipOutputStream zip = new ZipOutputStream(out, StandardCharsets.UTF_8);
    zip.setComment("Dars release package, format " + Manifest.FORMAT_VERSION + ". See manifest.json.");
    zip.putNextEntry(new ZipEntry(MANIFEST));
    zip.write(bytes);
    zip.closeEntry();
    zip.putNextEntry(new ZipEntry(SIGNATURE));
    zip.write(signature);
    zip.closeEntry();
    byte[] buf = new byte[BUFFER];
    for (Manifest.BlobEntry b : manifest.includedBlobs()) {
      Path file = blobFile.apply(b.sha256());
      ZipEntry e = new ZipEntry(b.path());
      e.setMethod(ZipEntry.STORED);
      e.setSize(b.size());
      e.setCompressedSize(b.size());
      e.setCrc(crc(file, buf));
      zip.putNextEntry(e);
      try (InputStream in = Files.newInputStream(file)) {
        int n;
        while ((n = in.read(buf)) != -1) {
          zip.write(buf, 0, n);
        }
      }
      zip.closeEntry();
    }
    zip.finish();
    zip.flush();
  }

  private static long crc(Path file, byte[] buf) throws IOException {
    CRC32 crc = new CRC32();
    try (InputStream in = Files.newInputStream(file)) {
      int n;
      while ((n = in.read(buf)) != -1) {
        crc.update(buf, 0, n);
      }
    }
    return crc.getValue();
  }
}
