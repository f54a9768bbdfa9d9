package org.dars.sharing;

import jakarta.json.Json;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
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
    StagedBlob s = store.stage(new java.io.ByteArrayInputStream(content), Long.MAX_VALUE);
    store.commit(s);
    return s.sha256();
  }

  Manifest manifest(Map<Sha256, Long> blobs, String since, List<Sha256> leftOut) {
    List<Manifest.ItemEntry> items = new ArrayList<>();
    List<Manifest.BlobEntry> entries = new ArrayList<>();
    int n = 0;
    for (Map.Entry<Sha256, Long> b : blobs.entrySet()) {
      items.add(new Manifest.ItemEntry(UUID.randomUUID(),
          Json.createObjectBuilder().add("title", "برداشت خرما " + (++n)).add("language", Json.createArrayBuilder().add("fa")).build(),
          List.of(new Manifest.VersionEntry(1, b.getKey().hex(), b.getValue(), "text/plain", "matn-" + n + ".txt",
              Instant.parse("2026-11-29T10:00:00Z"), "anonymous"))));
      entries.add(new Manifest.BlobEntry(b.getKey().hex(), b.getValue(), !leftOut.contains(b.getKey())));
    }
    return new Manifest(Manifest.FORMAT_VERSION, Instant.now(), new Manifest.Signer(origin, "سازمان آموزش فنی و حرفه‌ای خوزستان",
        Signatures.encode(keys.getPublic())), UUID.randomUUID(), "1.1", since, "اصلاح درس برداشت",
        Instant.parse("2026-11-29T10:00:00Z"), "anonymous", false, Json.createObjectBuilder().add("info", Json.createObjectBuilder()).build(),
        List.of(new Manifest.HistoryEntry("1.1", Instant.parse("2026-11-29T10:00:00Z"), null, false)), items, entries);
  }

  byte[] write(Manifest m) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    PackageWriter.write(m, hex -> {
      try {
        return store.localFile(new Sha256(hex));
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }, data -> Signatures.sign(keys.getPrivate(), data), out);
    return out.toByteArray();
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
