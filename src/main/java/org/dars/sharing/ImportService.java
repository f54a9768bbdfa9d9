package org.dars.sharing;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.PublicKey;
import java.util.Map;
import java.util.Optional;
import org.dars.curriculum.CurriculumId;
import org.dars.curriculum.ReleaseVersion;
import org.dars.curriculum.UpstreamReleases;
import org.dars.platform.DarsConfig;
import org.dars.security.AuditLog;
import org.dars.platform.DarsException;
import org.dars.storage.BlobStore;
import org.dars.storage.BlobTooLargeException;
import org.dars.storage.Sha256;
import org.dars.storage.StagedBlob;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Imports a package in three steps, so that nothing of it is visible until all of it is verified:
 * (1) an upload is streamed to a staging file under the size limit; (2) {@link PackageReader}
 * checks names, format version, the partner's signature and every digest while staging each blob;
 * (3) the blobs are committed under their digests and one transaction writes every row. A crash
 * during (1) or (2) leaves staging files, which the blob store removes at start-up; a crash
 * during (3) leaves blobs that no row refers to, which {@link ImportJournal} lists before the
 * first commit and removes at start-up: never a partial curriculum or item, nothing the store
 * counts. The same package can then simply be imported again. A package imported before (same
 * manifest) or a release already here changes nothing and says so.
 */
@ApplicationScoped
public class ImportService {
  private static final Logger LOG = Logger.getLogger(ImportService.class);

  @Inject BlobStore blobs;
  @Inject PartnerService partners;
  @Inject UpstreamReleases releases;
  @Inject SharingRepository repository;
  @Inject ImportTransactions transactions;
  @Inject ImportJournal journal;
  @Inject DarsConfig config;
  @Inject AuditLog audit;

  @Inject
  @ConfigProperty(name = "dars.sharing.max-package-bytes", defaultValue = "4294967296")
  long maxPackageBytes;

  @Inject
  @ConfigProperty(name = "dars.sharing.import-dir")
  Optional<String> importDir;

  /** Imports an uploaded package, streamed to staging first. */
  public ImportReport importUpload(InputStream body, String actor) {
    StagedBlob staged;
    try {
      staged = blobs.stage(body, maxPackageBytes);
    } catch (BlobTooLargeException e) {
      throw DarsException.tooLarge("The package is larger than " + maxPackageBytes
          + " bytes (dars.sharing.max-package-bytes). Use a delta package (?since=) or raise the limit.");
    } catch (IOException e) {
      throw new PackageRefusedException("unreadable", "The upload broke off before its end (" + e.getMessage()
          + "). Nothing was imported; send it again.", Map.of(), e);
    }
    try {
      return importFile(staged.file(), actor);
    } finally {
      blobs.discard(staged);
    }
  }

  /** Imports a package from the import folder ({@code dars.sharing.import-dir}), for sneakernet. */
  public ImportReport importFromFolder(String relative, String actor) {
    Path folder = folder();
    Path file = folder.resolve(relative).normalize();
    if (relative.isBlank() || !file.startsWith(folder) || relative.contains("\0")) {
      throw DarsException.badRequest("path-outside-import-folder",
          "'" + Manifest.abbreviate(relative) + "' is not a file inside the import folder " + folder + ".");
    }
    if (!Files.isRegularFile(file)) {
      throw DarsException.notFound("no-such-package", "There is no file '" + Manifest.abbreviate(relative)
          + "' in the import folder " + folder + ".");
    }
    return importFile(file, actor);
  }

  Path folder() {
    return importDir.filter(d -> !d.isBlank()).map(d -> Path.of(d).toAbsolutePath().normalize())
        .orElse(config.dataDir().resolve("imports"));
  }

  /** Verifies and imports a package file. */
  public ImportReport importFile(Path file, String actor) {
    long size;
    try {
      size = Files.size(file);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read package " + file, e);
    }
    if (size > maxPackageBytes) {
      throw DarsException.tooLarge("The package has " + size + " bytes; the limit is " + maxPackageBytes
          + " (dars.sharing.max-package-bytes).");
    }
    Context context = new Context();
    PackageReader.Verified verified;
    try (InputStream in = new BufferedInputStream(Files.newInputStream(file), 1 << 16)) {
      verified = PackageReader.read(in, context);
    } catch (NoSuchFileException e) {
      throw DarsException.notFound("no-such-package", "The package file is gone.");
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read package " + file, e);
    }
    Manifest m = verified.manifest();
    if (verified.alreadyImported()) {
      ImportReport.Builder b = new ImportReport.Builder();
      b.skipped.add(new ImportReport.Line("release", m.curriculum().toString(), m.release(), context.skipReason));
      LOG.infof("Package %s (curriculum %s release %s) changes nothing: %s", verified.manifestSha256(), m.curriculum(),
          m.release(), context.skipReason);
      return b.build("unchanged", m, verified.manifestSha256().hex(), size, null);
    }
    Path pending;
    try {
      pending = journal.begin(verified.manifestSha256(), verified.staged().values());
    } catch (IOException e) {
      verified.staged().values().forEach(blobs::discard);
      throw new UncheckedIOException("Could not write the journal of package " + verified.manifestSha256(), e);
    }
    try {
      for (StagedBlob s : verified.staged().values()) {
        blobs.commit(s);
      }
      ImportReport report = transactions.write(m, verified.manifestSha256().hex(), size, actor);
      journal.end(pending);
      LOG.infof("Imported curriculum %s release %s from %s (%s): %d added, %d skipped, %d bytes", m.curriculum(), m.release(),
          m.origin().organisation(), m.origin().instance(), report.added().size(), report.skipped().size(), size);
      audit.record(AuditLog.IMPORTED, "curriculum " + m.curriculum() + " " + m.release(),
          "from " + m.origin().organisation() + " (" + m.origin().instance() + "): " + report.added().size() + " added");
      return report;
    } catch (IOException e) {
      verified.staged().values().forEach(blobs::discard);
      journal.rollBack(pending);
      throw new UncheckedIOException("Could not store the blobs of package " + verified.manifestSha256(), e);
    } catch (DarsException e) {
      journal.rollBack(pending);
      if (e instanceof PackageRefusedException) {
        throw e;
      }
      throw new PackageRefusedException("conflict", "The package cannot be imported: " + e.getMessage(), Map.of(), e);
    } catch (RuntimeException e) {
      journal.rollBack(pending);
      throw e;
    }
  }

  /** The instance side of verification: partner keys, idempotency, delta bases, staging. */
  private final class Context implements PackageReader.Context {
    String skipReason;

    @Override
    public Optional<PublicKey> partnerKey(Manifest.Signer signer) {
      return partners.key(signer.instance());
    }

    @Override
    public boolean proceed(Manifest m, Sha256 manifestSha) {
      Optional<ImportRecord> before = repository.imported(manifestSha.hex());
      if (before.isPresent()) {
        skipReason = "this package was imported on " + before.get().importedAt() + "; nothing changed";
        return false;
      }
      CurriculumId curriculum = new CurriculumId(m.curriculum());
      if (releases.hasRelease(curriculum, ReleaseVersion.parse(m.release()))) {
        skipReason = "release " + m.release() + " of curriculum " + m.curriculum() + " is already here; nothing changed";
        return false;
      }
      if (m.since() != null && !releases.hasRelease(curriculum, ReleaseVersion.parse(m.since()))) {
        throw new PackageRefusedException("missing-base",
            "This is a delta package since release " + m.since() + " of curriculum " + m.curriculum()
                + ", which is not here. Import release " + m.since() + " first, or ask for a full package (without ?since=).",
            Map.of("needs", Map.of("curriculum", m.curriculum().toString(), "release", m.since())), null);
      }
      for (Manifest.BlobEntry b : m.blobs()) {
        if (!b.included() && !have(new Sha256(b.sha256()))) {
          throw new PackageRefusedException("missing-blob",
              "The package leaves out blob " + b.sha256() + " as already sent with release " + m.since()
                  + ", but it is not in this instance's blob store. Ask for a full package (without ?since=).",
              Map.of("blob", b.sha256()), null);
        }
      }
      return true;
    }

    @Override
    public boolean have(Sha256 blob) {
      try {
        return blobs.size(blob).isPresent();
      } catch (IOException e) {
        return false;
      }
    }

    @Override
    public StagedBlob stage(InputStream in, long maxBytes) throws IOException {
      return blobs.stage(in, maxBytes);
    }

    @Override
    public void discard(StagedBlob staged) {
      blobs.discard(staged);
    }
  }
}
