package org.dars.storage;

import java.io.IOException;

/** A blob's bytes no longer hash to its name: the disk or someone changed them. */
public final class CorruptBlobException extends IOException {
  private static final long serialVersionUID = 1L;

  public CorruptBlobException(Sha256 expected, Sha256 actual) {
    super("Blob " + expected + " is corrupt: its bytes now hash to " + actual);
  }
}
