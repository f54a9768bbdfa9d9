package org.dars.sharing;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.PublicKey;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;
import org.dars.storage.Sha256;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The package format and every refusal, without a server. */
class PackageFormatTest {
  private static final String PERSIAN = "خرما را در مرحله رطب برداشت کنید.\n\nخوشه‌ها را با طناب پایین بیاورید.\n";
  private static final String ARABIC = "اغسل يديك قبل العمل.\n\nنظّف الأرضيات يومياً.\n";

  @TempDir Path tmp;
  TestPackages packages;
  Sha256 fa;
  Sha256 ar;
  Map<Sha256, Long> blobs;

  @BeforeEach
  void setUp() throws IOException {
    packages = new TestPackages(tmp);
    fa = packages.blob(TestPackages.utf8(PERSIAN));
    ar = packages.blob(TestPackages.utf8(ARABIC));
    blobs = new LinkedHashMap<>();
    blobs.put(fa, (long) TestPackages.utf8(PERSIAN).length);
    blobs.put(ar, (long) TestPackages.utf8(ARABIC).length);
  }

  private TestPackages.Receiver knowingOrigin() throws IOException {
    return packages.receiver(Map.of(packages.origin, packages.keys.getPublic()));
  }

  private PackageRefusedException refused(byte[] zip, TestPackages.Receiver r) {
    return assertThrows(PackageRefusedException.class, () -> PackageReader.read(new ByteArrayInputStream(zip), r));
  }

  @Test
  void writesManifestSignatureAndBlobsThatAnOrdinaryUnzipListsInOrder() throws IOException {
    byte[] zip = packages.write(packages.manifest(blobs, null, List.of()));
    try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
      assertEquals("manifest.json", in.getNextEntry().getName());
      assertEquals("manifest.json.sig", in.getNextEntry().getName());
      assertEquals("blobs/sha256/" + fa.hex(), in.getNextEntry().getName());
      assertEquals(PERSIAN, new String(in.readAllBytes(), StandardCharsets.UTF_8));
      assertEquals("blobs/sha256/" + ar.hex(), in.getNextEntry().getName());
    }
  }

  @Test
  void readsBackWhatWasWrittenWithEveryDigestVerified() throws IOException {
    Manifest m = packages.manifest(blobs, null, List.of());
    TestPackages.Receiver r = knowingOrigin();
    PackageReader.Verified v = PackageReader.read(new ByteArrayInputStream(packages.write(m)), r);
    assertEquals(Map.of(fa.hex(), fa, ar.hex(), ar), Map.of(fa.hex(), v.staged().get(fa.hex()).sha256(), ar.hex(), v.staged().get(ar.hex()).sha256()));
    assertEquals("برداشت خرما 1", v.manifest().items().get(0).metadata().getString("title"));
    assertEquals("سازمان آموزش فنی و حرفه‌ای خوزستان", v.manifest().origin().organisation());
    assertEquals(m.curriculum(), v.manifest().curriculum());
  }

  @Test
  void manifestBytesRoundTripExactlySoTheSignatureCoversWhatIsParsed() {
    Manifest m = packages.manifest(blobs, "1.0", List.of(fa));
    byte[] bytes = m.toBytes();
    assertArrayEquals(bytes, Manifest.parse(bytes).toBytes());
  }

  @Test
  void signatureVerifiesWithTheJdkAndFailsForAnotherKey() {
    byte[] data = TestPackages.utf8("manifest");
    byte[] sig = Signatures.sign(packages.keys.getPrivate(), data);
    assertTrue(Signatures.verify(packages.keys.getPublic(), data, sig));
    assertFalse(Signatures.verify(Signatures.generate().getPublic(), data, sig));
    assertFalse(Signatures.verify(packages.keys.getPublic(), data, new byte[] {1, 2, 3}));
    PublicKey fromPem = Signatures.publicKey(Signatures.pem(packages.keys.getPublic()));
    assertEquals(packages.keys.getPublic(), fromPem);
  }

  @Test
  void refusesAFlippedByteInABlob() throws IOException {
    byte[] zip = packages.write(packages.manifest(blobs, null, List.of()));
    byte[] needle = TestPackages.utf8("رطب");
    int at = indexOf(zip, needle);
    zip[at] ^= 0x01;
    TestPackages.Receiver r = knowingOrigin();
    PackageRefusedException e = refused(zip, r);
    assertEquals("digest-mismatch", e.reason(), e.getMessage());
    assertTrue(e.getMessage().contains(fa.hex()), e.getMessage());
    assertEquals(0, r.staged());
  }

  @Test
  void refusesASignatureMadeWithAnotherKey() throws IOException {
    KeyPair other = Signatures.generate();
    byte[] zip = packages.write(packages.manifest(blobs, null, List.of()));
    TestPackages.Receiver r = packages.receiver(Map.of(packages.origin, other.getPublic()));
    assertEquals("bad-signature", refused(zip, r).reason());
  }

  @Test
  void refusesAManifestChangedAfterSigning() throws IOException {
    Manifest m = packages.manifest(blobs, null, List.of());
    byte[] signed = m.toBytes();
    byte[] sig = Base64.getEncoder().encode(Signatures.sign(packages.keys.getPrivate(), signed));
    byte[] changed = new String(signed, StandardCharsets.UTF_8).replace("اصلاح درس برداشت", "اصلاح درس برداشتِ").getBytes(StandardCharsets.UTF_8);
    byte[] zip = zip(Map.of("manifest.json", changed, "manifest.json.sig", sig));
    assertEquals("bad-signature", refused(zip, knowingOrigin()).reason());
  }

  @Test
  void refusesAPackageFromAnUnknownPartner() throws IOException {
    byte[] zip = packages.write(packages.manifest(blobs, null, List.of()));
    PackageRefusedException e = refused(zip, packages.receiver(Map.of()));
    assertEquals("unknown-partner", e.reason());
    assertTrue(e.getMessage().contains(packages.origin.toString()));
  }

  @Test
  void refusesZipSlipEntries() throws IOException {
    for (String name : List.of("../../x", "blobs/../../x", "/etc/passwd", "C:\\x", "blobs\\sha256\\x")) {
      byte[] zip = zip(Map.of(name, TestPackages.utf8("x")));
      assertEquals("unsafe-entry-name", refused(zip, knowingOrigin()).reason(), name);
    }
  }

  @Test
  void refusesEntriesOutsideTheFormat() throws IOException {
    assertEquals("unexpected-entry", refused(zip(Map.of("run.sh", TestPackages.utf8("rm -rf /"))), knowingOrigin()).reason());
  }

  @Test
  void refusesAZipBombBlobAtItsDeclaredSize() throws IOException {
    Manifest m = packages.manifest(Map.of(fa, 10L), null, List.of());
    byte[] manifest = m.toBytes();
    byte[] sig = Base64.getEncoder().encode(Signatures.sign(packages.keys.getPrivate(), manifest));
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    long started = System.nanoTime();
    try (ZipOutputStream z = new ZipOutputStream(out)) {
      z.putNextEntry(new ZipEntry("manifest.json"));
      z.write(manifest);
      z.putNextEntry(new ZipEntry("manifest.json.sig"));
      z.write(sig);
      z.putNextEntry(new ZipEntry("blobs/sha256/" + fa.hex()));
      byte[] zeros = new byte[1 << 20];
      for (int i = 0; i < 1024; i++) { // 1 GiB of zeros, about 1 MB compressed
        z.write(zeros);
      }
    }
    assertTrue(out.size() < 5 << 20, "bomb is small: " + out.size());
    TestPackages.Receiver r = knowingOrigin();
    long readStart = System.nanoTime();
    PackageRefusedException e = refused(out.toByteArray(), r);
    assertEquals("blob-too-large", e.reason());
    assertTrue(System.nanoTime() - readStart < 2_000_000_000L, "refused within two seconds");
    assertEquals(0, r.staged());
    assertTrue(started > 0);
  }

  @Test
  void refusesFiftyMegabytesOfJunkAsManifestAfterReadingAtMostTheLimit() throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (ZipOutputStream z = new ZipOutputStream(out)) {
      z.putNextEntry(new ZipEntry("manifest.json"));
      byte[] junk = new byte[1 << 20];
      Arrays.fill(junk, (byte) '[');
      for (int i = 0; i < 50; i++) {
        z.write(junk);
      }
    }
    long start = System.nanoTime();
    assertEquals("manifest-too-large", refused(out.toByteArray(), knowingOrigin()).reason());
    assertTrue(System.nanoTime() - start < 2_000_000_000L);
  }

  @Test
  void refusesATruncatedPackage() throws IOException {
    byte[] zip = packages.write(packages.manifest(blobs, null, List.of()));
    int at = indexOf(zip, TestPackages.utf8("رطب"));
    String reason = refused(Arrays.copyOf(zip, at), knowingOrigin()).reason();
    assertTrue(reason.equals("damaged-zip") || reason.equals("missing-blob"), reason);
  }

  @Test
  void refusesAPackageThatOmitsAnIncludedBlob() throws IOException {
    Manifest m = packages.manifest(blobs, null, List.of());
    byte[] manifest = m.toBytes();
    byte[] sig = Base64.getEncoder().encode(Signatures.sign(packages.keys.getPrivate(), manifest));
    assertEquals("missing-blob", refused(zip(Map.of("manifest.json", manifest, "manifest.json.sig", sig)), knowingOrigin()).reason());
  }

  @Test
  void refusesDuplicateEntries() throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (ZipOutputStream z = new ZipOutputStream(out)) {
      z.putNextEntry(new ZipEntry("manifest.json"));
      z.write('{');
      z.closeEntry();
      z.putNextEntry(new ZipEntry("manifest.json"));
    } catch (java.util.zip.ZipException e) {
      return; // the JDK's writer itself refuses; the reader check is covered by its name set
    }
    assertEquals("duplicate-entry", refused(out.toByteArray(), knowingOrigin()).reason());
  }

  @Test
  void refusesAnUnknownFormatVersion() throws IOException {
    Manifest m = packages.manifest(blobs, null, List.of());
    byte[] manifest = new String(m.toBytes(), StandardCharsets.UTF_8).replace("\"formatVersion\": 1", "\"formatVersion\": 2")
        .replace("\"formatVersion\":1", "\"formatVersion\":2").getBytes(StandardCharsets.UTF_8);
    byte[] sig = Base64.getEncoder().encode(Signatures.sign(packages.keys.getPrivate(), manifest));
    assertEquals("unsupported-format-version",
        refused(zip(Map.of("manifest.json", manifest, "manifest.json.sig", sig)), knowingOrigin()).reason());
  }

  @Test
  void deltaLeavesOutTheBlobsOfItsBase() throws IOException {
    byte[] full = packages.write(packages.manifest(blobs, null, List.of()));
    Manifest delta = packages.manifest(blobs, "1.0", List.of(fa));
    byte[] zip = packages.write(delta);
    assertTrue(zip.length < full.length);
    TestPackages.Receiver r = knowingOrigin();
    PackageReader.Verified v = PackageReader.read(new ByteArrayInputStream(zip), r);
    assertEquals(List.of(ar.hex()), List.copyOf(v.staged().keySet()));
    assertEquals("1.0", v.manifest().since());
  }

  @Test
  void anAlreadyImportedPackageIsNotReadPastItsManifest() throws IOException {
    TestPackages.Receiver r = knowingOrigin();
    r.proceed = false;
    PackageReader.Verified v = PackageReader.read(new ByteArrayInputStream(packages.write(packages.manifest(blobs, null, List.of()))), r);
    assertTrue(v.alreadyImported());
    assertTrue(v.staged().isEmpty());
    assertEquals(0, r.staged());
  }

  @Test
  void refusesAManifestWithAMissingField() {
    byte[] bytes = TestPackages.utf8("{\"format\":\"dars-release-package\",\"formatVersion\":1}");
    PackageRefusedException e = assertThrows(PackageRefusedException.class, () -> Manifest.parse(bytes));
    assertEquals("invalid-manifest", e.reason());
    assertTrue(e.getMessage().contains("origin"), e.getMessage());
    assertTrue(UUID.randomUUID() != null);
  }

  private static byte[] zip(Map<String, byte[]> entries) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (ZipOutputStream z = new ZipOutputStream(out)) {
      for (String name : List.of("manifest.json", "manifest.json.sig")) {
        if (entries.containsKey(name)) {
          z.putNextEntry(new ZipEntry(name));
          z.write(entries.get(name));
        }
      }
      for (Map.Entry<String, byte[]> e : entries.entrySet()) {
        if (!e.getKey().startsWith("manifest.json")) {
          z.putNextEntry(new ZipEntry(e.getKey()));
          z.write(e.getValue());
        }
      }
    }
    return out.toByteArray();
  }

  private static int indexOf(byte[] haystack, byte[] needle) {
    outer:
    for (int i = 0; i <= haystack.length - needle.length; i++) {
      for (int j = 0; j < needle.length; j++) {
        if (haystack[i + j] != needle[j]) {
          continue outer;
        }
      }
      return i;
    }
    throw new AssertionError("not found");
  }
}
