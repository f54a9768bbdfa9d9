package org.dars.storage;

import java.nio.file.Path;

/**
 * Bytes written and fsynced to a temporary file, with their digests, not yet visible under their
 * digest. The caller either {@link BlobStore#commit commits} or {@link BlobStore#discard discards}
 * it.
 */
public record StagedBlob(Path file, Sha256 sha256, byte[] md5, long size) {}
