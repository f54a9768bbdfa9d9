package org.dars.storage;

import java.nio.file.Path;
import java.util.Optional;

/**
 * Bytes written and fsynced to a temporary file, with their digests, not yet visible under their
 * digest. The caller either {@link BlobStore#commit commits} or {@link BlobStore#discard discards}
 * it. The MD5 is there only when it was asked for.
 */
public record StagedBlob(Path file, Sha256 sha256, Optional<byte[]> md5, long size) {}
