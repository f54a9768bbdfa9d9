package org.dars.sharing;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Collection;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;
import org.dars.content.UpstreamItems;
import org.dars.platform.DarsConfig;
import org.dars.storage.BlobStore;
import org.dars.storage.Sha256;
import org.dars.storage.StagedBlob;
import org.jboss.logging.Logger;

/**
 * The blobs an import is committing, written down before the first of them appears in the blob
 * store and removed once the import's transaction has committed or rolled back. Blobs go into
 * the store before the rows that name them, so that no row ever names a missing blob; a crash in
 * between (kill -9, a power cut, or a database that had not yet flushed its last commit) would
 * otherwise leave blobs that nothing refers to but that the store counts as content. A journal
 * still there at start-up is rolled back: its blobs that no item version refers to are deleted.
 * One file per import under {@code <data dir>/sharing/pending/}, one SHA-256 a line, fsynced
 * before any commit.
 */
@ApplicationScoped
class ImportJournal {
  private static final Logger LOG = Logger.getLogger(ImportJournal.class);
  private static final String SUFFIX = ".blobs";

  @Inject DarsConfig config;
  @Inject BlobStore blobs;
  @Inject UpstreamItems items;

  Path dir() {
    return config.dataDir().resolve("sharing").resolve("pending");
  }

  /** Writes down the blobs of {@code staged} the store does not hold yet; durable when it returns. */
  Path begin(Sha256 manifest, Collection<StagedBlob> staged) throws IOException {
    Path dir = Files.createDirectories(dir());
    Path journal = dir.resolve(manifest.hex() + "-" + UUID.randomUUID() + SUFFIX);
    StringBuilder lines = new StringBuilder();
    for (StagedBlob s : staged) {
      if (blobs.size(s.sha256()).isEmpty()) {
        lines.append(s.sha256().hex()).append('\n');
      }
    }
    try (FileChannel ch = FileChannel.open(journal, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
      ByteBuffer bytes = ByteBuffer.wrap(lines.toString().getBytes(StandardCharsets.US_ASCII));
      while (bytes.hasRemaining()) {
        ch.write(bytes);
      }
      ch.force(true);
    }
    try (FileChannel ch = FileChannel.open(dir, StandardOpenOption.READ)) {
      ch.force(true);
    } catch (IOException e) {
      // Some file systems cannot fsync a directory; the journal's own bytes are durable.
    }
    return journal;
  }

  /** The import's rows are committed and name its blobs: the journal has done its work. */
  void end(Path journal) {
    try {
      Files.deleteIfExists(journal);
    } catch (IOException e) {
      // Harmless: rolling it back at the next start finds every blob referenced and keeps it.
      LOG.warnf(e, "Could not remove import journal %s", journal);
    }
  }

  /**
   * Deletes the journal's blobs that no item version refers to, then the journal; a blob another
   * item uses (the same bytes uploaded here too) stays. The journal stays if a blob cannot be
   * deleted, so the next start tries again.
   */
  int rollBack(Path journal) {
    List<String> lines;
    try {
      lines = Files.readAllLines(journal, StandardCharsets.US_ASCII);
    } catch (IOException e) {
      LOG.warnf(e, "Could not read import journal %s; its blobs stay until the next start", journal);
      return 0;
    }
    int removed = 0;
    boolean complete = true;
    for (String line : lines) {
      Sha256 blob;
      try {
        blob = new Sha256(line.strip());
      } catch (IllegalArgumentException e) {
        continue; // the crash cut the journal short while writing it, before any blob was committed
      }
      if (items.usesBlob(blob)) {
        continue;
      }
      try {
        if (blobs.size(blob).isPresent()) {
          blobs.delete(blob);
          removed++;
        }
      } catch (IOException e) {
        complete = false;
        LOG.warnf(e, "Could not remove blob %s of an interrupted import; trying again at the next start", blob);
      }
    }
    if (complete) {
      end(journal);
    }
    return removed;
  }

  /** Rolls back the journals of imports a crash interrupted; run once at start-up. */
  void recover() {
    Path dir = dir();
    if (!Files.isDirectory(dir)) {
      return;
    }
    List<Path> journals;
    try (Stream<Path> files = Files.list(dir)) {
      journals = files.filter(p -> p.getFileName().toString().endsWith(SUFFIX)).toList();
    } catch (IOException e) {
      LOG.warnf(e, "Could not list the import journals in %s", dir);
      return;
    }
    for (Path journal : journals) {
      int removed = rollBack(journal);
      LOG.infof("An import was interrupted (journal %s): removed %d of its blobs that nothing refers to",
          journal.getFileName(), removed);
    }
  }
}
