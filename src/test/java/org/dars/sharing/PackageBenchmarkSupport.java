package org.dars.sharing;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.PublicKey;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.dars.storage.FileBlobStore;
import org.dars.storage.Sha256;
import org.dars.storage.StagedBlob;

/** Exposes the package writer and reader to the benchmark in {@code bench}, exactly as the server uses them. */
public final class PackageBenchmarkSupport {
  private final TestPackages packages;
  private final KeyPair keys;

  public PackageBenchmarkSupport(Path dir) throws IOException {
    this.packages = new TestPackages(dir);
    this.keys = packages.keys;
  }

  /** Adds a blob to the sending store from a stream. */
  public Sha256 addBlob(InputStream in) throws IOException {
    StagedBlob s = packages.store.stage(in, Long.MAX_VALUE);
    packages.store.commit(s);
    return s.sha256();
  }

  /** Writes the package of a release using {@code blobs} (digest to size) to {@code file}. */
  public void export(Map<Sha256, Long> blobs, Path file) throws IOException {
    Manifest m = packages.manifest(blobs, null, List.of());
    try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(file), 1 << 16)) {
      packages.write(m, out);
    }
  }

  /** Verifies and stages the package into a fresh store, then commits every blob; returns the blob count. */
  public int importInto(Path file, Path storeDir) throws IOException {
    FileBlobStore target = new FileBlobStore(storeDir);
    Map<UUID, PublicKey> partners = Map.of(packages.origin, keys.getPublic());
    PackageReader.Context context = new PackageReader.Context() {
      @Override
      public Optional<PublicKey> partnerKey(Manifest.Signer signer) {
        return Optional.ofNullable(partners.get(signer.instance()));
      }

      @Override
      public boolean proceed(Manifest manifest, Sha256 sha) {
        return true;
      }

      @Override
      public boolean have(Sha256 blob) {
        return false;
      }

      @Override
      public StagedBlob stage(InputStream in, long maxBytes) throws IOException {
        return target.stage(in, maxBytes);
      }

      @Override
      public void discard(StagedBlob staged) {
        target.discard(staged);
      }
    };
    PackageReader.Verified v;
    try (InputStream in = new BufferedInputStream(Files.newInputStream(file), 1 << 16)) {
      v = PackageReader.read(in, context);
    }
    for (StagedBlob s : v.staged().values()) {
      target.commit(s);
    }
    return v.staged().size();
  }
}
