package org.dars.sharing;

import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.PublicKey;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.dars.storage.FileBlobStore;
import org.dars.storage.Sha256;
import org.dars.storage.StagedBlob;

/** Packages built in memory from real Persian and Arabic text, and a reader context over a temporary blob store. */
final class TestPackages {
  /** The organisation of the sending instance, as its packages name it. */
  static final String ORGANISATION = "سازمان آموزش فنی و حرفه‌ای خوزستان";

  final UUID origin = UUID.randomUUID();
  final KeyPair keys = Signatures.generate();
  final Path dir;
  final FileBlobStore store;

  TestPackages(Path dir) throws IOException {
    this.dir = dir;
    this.store = new FileBlobStore(dir.resolve("blobs"));
  }

  /** A blob in the sending store. */
  Sha256 blob(byte[] content) throws IOException {
    return blob(new java.io.ByteArrayInputStream(content));
  }

  Sha256 blob(InputStream content) throws IOException {
    StagedBlob s = store.stage(content, Long.MAX_VALUE);
    store.commit(s);
    return s.sha256();
  }

  Manifest manifest(Map<Sha256, Long> blobs, String since, List<Sha256> leftOut) {
    List<Manifest.ItemEntry> items = new ArrayList<>();
    List<Manifest.BlobEntry> entries = new ArrayList<>();
    int n = 0;
    for (Map.Entry<Sha256, Long> b : blobs.entrySet()) {
      n++;
      items.add(itemEntry(new PackageItem(UUID.randomUUID(), "برداشت خرما " + n, "fa", "text/plain", "matn-" + n + ".txt",
          b.getKey(), b.getValue())));
      entries.add(new Manifest.BlobEntry(b.getKey().hex(), b.getValue(), !leftOut.contains(b.getKey())));
    }
    return manifest(UUID.randomUUID(), "1.1", since, "اصلاح درس برداشت",
        Json.createObjectBuilder().add("info", Json.createObjectBuilder()).build(), items, entries);
  }

  /** One item of a release: a blob of the sending store, described in real script. */
  record PackageItem(UUID id, String title, String language, String mediaType, String fileName, Sha256 sha256, long size) {}

  /**
   * Release 1.0 of curriculum {@code id}, titled {@code faTitle}/{@code arTitle}, whose one lesson
   * lists {@code items} in order, each at version 1: a package as an upstream Dars exports it, which
   * a receiving server accepts.
   */
  Manifest release(UUID id, String faTitle, String arTitle, List<PackageItem> items) {
    JsonArrayBuilder entries = Json.createArrayBuilder();
    List<Manifest.ItemEntry> itemEntries = new ArrayList<>();
    List<Manifest.BlobEntry> blobs = new ArrayList<>();
    for (int i = 0; i < items.size(); i++) {
      PackageItem item = items.get(i);
      entries.add(Json.createObjectBuilder().add("id", "e" + (i + 1)).add("kind", "entry").add("item", item.id().toString())
          .add("pin", 1).add("version", 1).add("itemTitle", item.title()));
      itemEntries.add(itemEntry(item));
      blobs.add(new Manifest.BlobEntry(item.sha256().hex(), item.size(), true));
    }
    JsonObject document = Json.createObjectBuilder()
        .add("info", Json.createObjectBuilder().add("title", Json.createObjectBuilder().add("fa", faTitle).add("ar", arTitle))
            .add("language", "fa"))
        .add("nodes", Json.createArrayBuilder().add(Json.createObjectBuilder().add("id", "l1").add("kind", "lesson")
            .add("title", faTitle).add("children", entries)))
        .build();
    return manifest(id, "1.0", null, "نخستین انتشار", document, itemEntries, blobs);
  }

  private static Manifest.ItemEntry itemEntry(PackageItem i) {
    return new Manifest.ItemEntry(i.id(),
        Json.createObjectBuilder().add("title", i.title()).add("language", Json.createArrayBuilder().add(i.language())).build(),
        List.of(new Manifest.VersionEntry(1, i.sha256().hex(), i.size(), i.mediaType(), i.fileName(),
            Instant.parse("2026-11-29T10:00:00Z"), "anonymous")));
  }

  private Manifest manifest(UUID curriculum, String release, String since, String notes, JsonObject document,
      List<Manifest.ItemEntry> items, List<Manifest.BlobEntry> blobs) {
    return new Manifest(Manifest.FORMAT_VERSION, Instant.now(), new Manifest.Signer(origin, ORGANISATION,
        Signatures.encode(keys.getPublic())), curriculum, release, since, notes,
        Instant.parse("2026-11-29T10:00:00Z"), "anonymous", false, document,
        List.of(new Manifest.HistoryEntry(release, Instant.parse("2026-11-29T10:00:00Z"), null, false)), items, blobs);
  }

  byte[] write(Manifest m) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    write(m, out);
    return out.toByteArray();
  }

  /** Writes the signed package of {@code m} to {@code out}, streaming the blobs from the sending store. */
  void write(Manifest m, OutputStream out) throws IOException {
    PackageWriter.write(m, hex -> {
      try {
        return store.localFile(new Sha256(hex));
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }, data -> Signatures.sign(keys.getPrivate(), data), out);
  }

  /** A receiving side that knows {@code partners} and has the blobs of {@code have}. */
  Receiver receiver(Map<UUID, PublicKey> partners) throws IOException {
    return new Receiver(new FileBlobStore(dir.resolve("received-" + UUID.randomUUID())), partners);
  }

  static final class Receiver implements PackageReader.Context {
    final FileBlobStore store;
    final Map<UUID, PublicKey> partners;
    final List<String> have = new ArrayList<>();
    boolean proceed = true;

    Receiver(FileBlobStore store, Map<UUID, PublicKey> partners) {
      this.store = store;
      this.partners = partners;
    }

    @Override
    public Optional<PublicKey> partnerKey(Manifest.Signer signer) {
      return Optional.ofNullable(partners.get(signer.instance()));
    }

    @Override
    public boolean proceed(Manifest manifest, Sha256 manifestSha256) {
      return proceed;
    }

    @Override
    public boolean have(Sha256 blob) {
      return have.contains(blob.hex());
    }

    @Override
    public StagedBlob stage(InputStream in, long maxBytes) throws IOException {
      return store.stage(in, maxBytes);
    }

    @Override
    public void discard(StagedBlob staged) {
      store.discard(staged);
    }

    /** Files left in staging: a refused package must leave none. */
    long staged() throws IOException {
      try (var files = Files.list(store.getClass() == null ? null : stagingDir())) {
        return files.count();
      }
    }

    private Path stagingDir() {
      try {
        var f = FileBlobStore.class.getDeclaredField("tmp");
        f.setAccessible(true);
        return (Path) f.get(store);
      } catch (ReflectiveOperationException e) {
        throw new IllegalStateException(e);
      }
    }
  }

  static byte[] utf8(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }
}
