package org.dars.storage;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.Optional;
import java.util.Set;

/**
 * Content-addressed, write-once storage. Implementations: {@link FileBlobStore} for one machine; an
 * S3-compatible store can implement the same contract for a cluster.
 */
public interface BlobStore {

  /**
   * Streams {@code in} to durable temporary storage in constant memory.
   *
   * @throws BlobTooLargeException as soon as more than {@code maxBytes} arrive; nothing is kept
   */
  default StagedBlob stage(InputStream in, long maxBytes) throws IOException {
    return stage(in, maxBytes, false);
  }

  /**
   * As {@link #stage(InputStream, long)}, also computing MD5 when {@code md5} is set: only for
   * clients that send {@code Content-MD5}, since it costs a third of the upload rate.
   */
  StagedBlob stage(InputStream in, long maxBytes, boolean md5) throws IOException;

  /**
   * Makes a staged blob visible under its digest. Identical bytes are stored once.
   *
   * @return true if these bytes were new to the store (so a failed transaction may {@link #delete}
   *     them again), false if they were already there
   */
  boolean commit(StagedBlob staged) throws IOException;

  void discard(StagedBlob staged);

  /** Opens a blob; the stream fails with {@link CorruptBlobException} at its end if the bytes no longer match. */
  InputStream open(Sha256 sha256) throws IOException;

  /** Opens a blob from {@code offset} without verification, for HTTP range requests. */
  InputStream openRange(Sha256 sha256, long offset) throws IOException;

  Optional<Long> size(Sha256 sha256) throws IOException;

  /**
   * A local file holding the blob's bytes, for readers such as Tika that need random access. The
   * file store hands out the blob itself; callers must only read it.
   *
   * @throws java.nio.file.NoSuchFileException if the store has no such blob
   */
  Path localFile(Sha256 sha256) throws IOException;

  void delete(Sha256 sha256) throws IOException;

  /**
   * Re-hashes every blob in the store and reports the corrupt ones, and those of {@code referenced}
   * that are missing.
   */
  FixityReport audit(Set<Sha256> referenced) throws IOException;

  /** True when the store can be written to now. */
  boolean isWritable();
}
