package org.dars.sharing;

import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.PublicKey;
import java.util.Base64;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipInputStream;
import org.dars.storage.BlobTooLargeException;
import org.dars.storage.Sha256;
import org.dars.storage.StagedBlob;

/**
 * Reads and verifies a package in one streaming pass, in constant memory, before anything is
 * imported. In order: every entry name is checked (no {@code ..}, no absolute path, nothing but
 * the manifest, its signature and {@code blobs/sha256/<hex>}; no duplicates; no more entries than
 * the manifest declares); the manifest is read up to {@link #MAX_MANIFEST_BYTES}, its format
 * version checked, and its signature verified against the key of the registered partner it names;
 * then each blob is streamed into staging, never beyond the size the manifest declares (so a zip
 * bomb stops at that size), and its SHA-256 compared with its name and the manifest. Any failure
 * discards everything staged and throws {@link PackageRefusedException} with the precise reason.
 */
final class PackageReader {
  static final int MAX_MANIFEST_BYTES = 8 << 20;
  private static final Pattern BLOB_ENTRY = Pattern.compile("blobs/sha256/([0-9a-f]{64})");
  private static final Set<String> DIRECTORIES = Set.of("blobs/", "blobs/sha256/");

  /** What the reader needs from the importing instance. */
  interface Context {
    /** The registered key of the instance that signed the package, if it is a registered partner. */
    Optional<PublicKey> partnerKey(Manifest.Signer signer);

    /**
     * Called once the signature is verified and before any blob is read; may stop the import
     * (by throwing) or report that the package is already imported (by returning false).
     */
    boolean proceed(Manifest manifest, Sha256 manifestSha256);

    /** True if the instance already has this blob (a delta leaves such blobs out). */
    boolean have(Sha256 blob);

    /** Streams bytes to staging, failing beyond {@code maxBytes}. */
    StagedBlob stage(InputStream in, long maxBytes) throws IOException;

    void discard(StagedBlob staged);
  }

  /** A verified package: its manifest and the blobs it brought, staged, by digest. */
  record Verified(Manifest manifest, Sha256 manifestSha256, Map<String, StagedBlob> staged, boolean alreadyImported) {}

  private PackageReader() {}

  static Verified read(InputStream in, Context context) {
    Map<String, StagedBlob> staged = new LinkedHashMap<>();
    boolean ok = false;
    try {
      Verified v = readAll(in, context, staged);
      ok = true;
      return v;
    } catch (ZipException | EOFException e) {
      throw new PackageRefusedException("damaged-zip",
          "The package is not a complete zip file (" + e.getMessage() + "). It may have been truncated in transfer;"
              + " copy or download it again.", Map.of(), e);
    } catch (IOException e) {
      throw new PackageRefusedException("unreadable",
          "The package could not be read to its end (" + e.getMessage() + "). Nothing was imported; try again.", Map.of(), e);
    } finally {
      if (!ok) {
        staged.values().forEach(context::discard);
      }
    }
  }

  private static Verified readAll(InputStream in, Context context, Map<String, StagedBlob> staged) throws IOException {
    ZipInputStream zip = new ZipInputStream(in, StandardCharsets.UTF_8);
    byte[] manifestBytes = null;
    byte[] signature = null;
    Manifest manifest = null;
    Sha256 manifestSha = null;
    Map<String, Manifest.BlobEntry> expected = new HashMap<>();
    Set<String> seen = new HashSet<>();
    int entries = 0;
    ZipEntry e;
    while ((e = zip.getNextEntry()) != null) {
      String name = e.getName();
      checkName(name);
      if (!seen.add(name)) {
        throw new PackageRefusedException("duplicate-entry", "The zip holds '" + name + "' twice.");
      }
      if (DIRECTORIES.contains(name)) {
        continue;
      }
      entries++;
      int allowed = manifest == null ? 2 : 2 + manifest.includedBlobs().size();
      if (entries > allowed) {
        throw new PackageRefusedException("too-many-entries",
            "The zip holds more entries than the manifest declares (" + allowed + ").");
      }
      if (name.equals(PackageWriter.MANIFEST)) {
        if (entries != 1) {
          throw new PackageRefusedException("wrong-order", "manifest.json must be the first entry of the zip.");
        }
        manifestBytes = readLimited(zip, MAX_MANIFEST_BYTES, "manifest-too-large",
            "manifest.json is larger than " + MAX_MANIFEST_BYTES + " bytes; Dars does not read further.");
      } else if (name.equals(PackageWriter.SIGNATURE)) {
        if (manifestBytes == null) {
          throw new PackageRefusedException("wrong-order", "manifest.json.sig must follow manifest.json.");
        }
        signature = readLimited(zip, 1024, "bad-signature", "manifest.json.sig is longer than a signature.");
        manifestSha = Sha256.ofBytes(manifestBytes);
        manifest = verify(manifestBytes, signature, context);
        for (Manifest.BlobEntry b : manifest.blobs()) {
          if (b.included()) {
            expected.put(b.sha256(), b);
          }
        }
        if (!context.proceed(manifest, manifestSha)) {
          return new Verified(manifest, manifestSha, Map.of(), true);
        }
      } else {
        if (manifest == null) {
          throw new PackageRefusedException("wrong-order", "Blobs must follow manifest.json and manifest.json.sig.");
        }
        String hex = blobName(name);
        Manifest.BlobEntry declared = expected.get(hex);
        if (declared == null) {
          throw new PackageRefusedException("unexpected-entry",
              "The zip holds blob " + hex + ", which the manifest does not list as included.");
        }
        StagedBlob blob;
        try {
          blob = context.stage(zip, declared.size());
        } catch (BlobTooLargeException tooLarge) {
          throw new PackageRefusedException("blob-too-large",
              "Blob " + hex + " holds more than the " + declared.size() + " bytes the manifest declares (a zip bomb or"
                  + " a tampered package). Reading stopped there.", Map.of("blob", hex), tooLarge);
        } catch (ZipException damaged) {
          if (damaged.getMessage() == null || !damaged.getMessage().contains("CRC")) {
            throw damaged;
          }
          throw new PackageRefusedException("digest-mismatch",
              "Blob " + hex + " is damaged: its bytes fail the zip checksum (" + damaged.getMessage() + ").",
              Map.of("blob", hex), damaged);
        }
        staged.put(hex, blob);
        if (!blob.sha256().hex().equals(hex)) {
          throw new PackageRefusedException("digest-mismatch",
              "Blob " + hex + " has SHA-256 " + blob.sha256() + ": its bytes were changed after signing.",
              Map.of("blob", hex, "actual", blob.sha256().hex()), null);
        }
        if (blob.size() != declared.size()) {
          throw new PackageRefusedException("size-mismatch",
              "Blob " + hex + " has " + blob.size() + " bytes; the manifest declares " + declared.size() + ".",
              Map.of("blob", hex), null);
        }
      }
    }
    if (manifest == null) {
      throw new PackageRefusedException(manifestBytes == null ? "missing-manifest" : "missing-signature",
          manifestBytes == null ? "The zip holds no manifest.json: it is not a Dars release package."
              : "The zip holds no manifest.json.sig: packages must be signed by their origin.");
    }
    List<String> missing = expected.keySet().stream().filter(h -> !staged.containsKey(h)).sorted().toList();
    if (!missing.isEmpty()) {
      throw new PackageRefusedException("missing-blob",
          missing.size() + " blobs the manifest includes are not in the zip (first: " + missing.get(0)
              + "). The package is incomplete; copy or download it again.", Map.of("blobs", missing.size()), null);
    }
    return new Verified(manifest, manifestSha, staged, false);
  }

  private static Manifest verify(byte[] manifestBytes, byte[] signatureBase64, Context context) {
    Manifest manifest = Manifest.parse(manifestBytes);
    PublicKey key = context.partnerKey(manifest.origin()).orElseThrow(() -> new PackageRefusedException("unknown-partner",
        "The package was signed by instance " + manifest.origin().instance() + " ('" + Manifest.abbreviate(manifest.origin().organisation())
            + "'), which is not a registered partner here. An administrator registers partners with POST /api/v1/partners.",
        Map.of("instance", manifest.origin().instance().toString()), null));
    byte[] signature;
    try {
      signature = Base64.getMimeDecoder().decode(signatureBase64);
    } catch (IllegalArgumentException e) {
      throw new PackageRefusedException("bad-signature", "manifest.json.sig is not base64.");
    }
    if (!Signatures.verify(key, manifestBytes, signature)) {
      throw new PackageRefusedException("bad-signature",
          "The signature in manifest.json.sig does not match manifest.json under the registered key of partner "
              + manifest.origin().instance() + ". The package was changed after signing, or signed with another key.",
          Map.of("instance", manifest.origin().instance().toString()), null);
    }
    return manifest;
  }

  static void checkName(String name) {
    if (name.isEmpty() || name.startsWith("/") || name.startsWith("\\") || name.contains("\\") || name.contains(":")
        || name.contains("\0")) {
      throw new PackageRefusedException("unsafe-entry-name",
          "The zip entry '" + Manifest.abbreviate(name) + "' is an absolute or platform-specific path. Refused.");
    }
    for (String part : name.split("/", -1)) {
      if (part.equals("..") || part.equals(".")) {
        throw new PackageRefusedException("unsafe-entry-name",
            "The zip entry '" + Manifest.abbreviate(name) + "' climbs out of the package with '..' (zip slip). Refused.");
      }
    }
    if (!name.equals(PackageWriter.MANIFEST) && !name.equals(PackageWriter.SIGNATURE) && !DIRECTORIES.contains(name)
        && !BLOB_ENTRY.matcher(name).matches()) {
      throw new PackageRefusedException("unexpected-entry",
          "The zip entry '" + Manifest.abbreviate(name) + "' is not part of the format: only manifest.json,"
              + " manifest.json.sig and blobs/sha256/<hex> are allowed.");
    }
  }

  private static String blobName(String name) {
    var m = BLOB_ENTRY.matcher(name);
    if (!m.matches()) {
      throw new PackageRefusedException("unexpected-entry", "Unexpected zip entry '" + Manifest.abbreviate(name) + "'.");
    }
    return m.group(1);
  }

  private static byte[] readLimited(InputStream in, int max, String reason, String detail) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    byte[] buf = new byte[8192];
    int n;
    while ((n = in.read(buf)) != -1) {
      if (out.size() + n > max) {
        throw new PackageRefusedException(reason, detail);
      }
      out.write(buf, 0, n);
    }
    return out.toByteArray();
  }
}
