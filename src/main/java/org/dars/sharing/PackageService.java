package org.dars.sharing;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.dars.content.Item;
import org.dars.content.ItemId;
import org.dars.content.ItemRepository;
import org.dars.content.ItemVersion;
import org.dars.curriculum.CurriculumId;
import org.dars.curriculum.ReleaseVersion;
import org.dars.curriculum.UpstreamReleases;
import org.dars.platform.DarsConfig;
import org.dars.platform.DarsException;
import org.dars.storage.BlobStore;
import org.dars.storage.Sha256;
import org.jboss.logging.Logger;

/**
 * Builds release packages. A package is built once into {@code <data dir>/sharing/packages/}
 * (written to a temporary file, then renamed) and served from there, so downloads can resume with
 * HTTP Range and a repeated request costs nothing. The file name is the SHA-256 of the manifest
 * (with a fixed creation time), so a change of item metadata or release history builds a new one.
 * Only local curricula are exported: an upstream copy is exported by its origin.
 */
@ApplicationScoped
public class PackageService {
  private static final Logger LOG = Logger.getLogger(PackageService.class);

  @Inject UpstreamReleases releases;
  @Inject ItemRepository items;
  @Inject BlobStore blobs;
  @Inject InstanceIdentity identity;
  @Inject DarsConfig config;

  /** A built package file and its name for the download. */
  public record Built(Path file, String etag, String fileName, long size) {}

  public Built build(CurriculumId id, ReleaseVersion version, Optional<ReleaseVersion> since) {
    UpstreamReleases.Snapshot s = releases.snapshot(id, version);
    if (s.origin().isPresent()) {
      throw DarsException.conflict("upstream-not-exported",
          "Curriculum " + id + " is an upstream copy from " + s.origin().get().organisation()
              + "; packages of it come from its origin instance " + s.origin().get().instance() + ".");
    }
    Set<String> inBase = new HashSet<>();
    if (since.isPresent()) {
      if (!version.isAfter(since.get())) {
        throw DarsException.badRequest("invalid-parameter",
            "'since' must name an earlier release than " + version + ", not " + since.get() + ".");
      }
      UpstreamReleases.Snapshot base = releases.snapshot(id, since.get());
      base.itemVersions().forEach((item, numbers) -> numbers.forEach(n ->
          items.version(item, n).ifPresent(v -> inBase.add(v.sha256().hex()))));
    }
    Manifest manifest = manifest(s, since.map(ReleaseVersion::toString).orElse(null), inBase, Instant.EPOCH);
    String key = Sha256.ofBytes(manifest.toBytes()).hex();
    Path dir = config.dataDir().resolve("sharing").resolve("packages");
    Path file = dir.resolve(key + ".zip");
    String name = "dars-" + id + "-" + version + since.map(b -> "-since-" + b).orElse("") + ".zip";
    try {
      if (!Files.exists(file)) {
        Files.createDirectories(dir);
        Path tmp = dir.resolve(key + "." + UUID.randomUUID() + ".tmp");
        try (OutputStream out = Files.newOutputStream(tmp)) {
          write(manifest(s, since.map(ReleaseVersion::toString).orElse(null), inBase, Instant.now()), out);
          try {
            Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE);
          } catch (AtomicMoveNotSupportedException e) {
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
          }
        } finally {
          Files.deleteIfExists(tmp);
        }
        LOG.infof("Built package %s of curriculum %s release %s%s: %d bytes", key, id, version,
            since.map(b -> " since " + b).orElse(""), Files.size(file));
      }
      return new Built(file, key, name, Files.size(file));
    } catch (IOException e) {
      throw new UncheckedIOException("Could not build the package of curriculum " + id + " release " + version, e);
    }
  }

  void write(Manifest manifest, OutputStream out) throws IOException {
    PackageWriter.write(manifest, hex -> {
      try {
        return blobs.localFile(new Sha256(hex));
      } catch (IOException e) {
        throw new UncheckedIOException("Blob " + hex + " is missing from the blob store; run POST /api/v1/admin/fixity", e);
      }
    }, identity::sign, out);
  }

  Manifest manifest(UpstreamReleases.Snapshot s, String since, Set<String> inBase, Instant createdAt) {
    List<Manifest.ItemEntry> entries = new ArrayList<>();
    Map<String, Manifest.BlobEntry> blobEntries = new LinkedHashMap<>();
    Map<ItemId, Item> found = items.findAll(s.itemVersions().keySet());
    for (Map.Entry<ItemId, List<Integer>> e : s.itemVersions().entrySet()) {
      Item item = Optional.ofNullable(found.get(e.getKey())).orElseThrow(() -> new IllegalStateException("Item " + e.getKey() + " is gone"));
      List<Manifest.VersionEntry> versions = new ArrayList<>();
      for (int n : e.getValue().stream().sorted().toList()) {
        ItemVersion v = items.version(e.getKey(), n).orElseThrow();
        versions.add(new Manifest.VersionEntry(n, v.sha256().hex(), v.size(), v.mediaType(), v.fileName(), v.createdAt(), v.createdBy()));
        blobEntries.putIfAbsent(v.sha256().hex(), new Manifest.BlobEntry(v.sha256().hex(), v.size(), !inBase.contains(v.sha256().hex())));
      }
      entries.add(new Manifest.ItemEntry(e.getKey().value(), Manifest.readObject(item.metadata().toJson()), versions));
    }
    List<Manifest.HistoryEntry> history = s.history().stream()
        .map(h -> new Manifest.HistoryEntry(h.version(), h.publishedAt(), h.notes(), h.withdrawn())).toList();
    return new Manifest(Manifest.FORMAT_VERSION, createdAt,
        new Manifest.Signer(identity.id(), identity.organisation(), Signatures.encode(identity.publicKey())),
        s.curriculum().value(), s.version().toString(), since, s.notes(), s.publishedAt(), s.publishedBy(), s.withdrawn(),
        Manifest.readObject(s.documentJson()), history, entries, List.copyOf(blobEntries.values()));
  }
}
