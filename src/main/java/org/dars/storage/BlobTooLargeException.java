package org.dars.storage;

import java.io.IOException;

/** More bytes arrived than the caller allowed; the partial file has already been removed. */
public final class BlobTooLargeException extends IOException {
  private static final long serialVersionUID = 1L;
  private final long limit;

  public BlobTooLargeException(long limit) {
    super("More than " + limit + " bytes");
    this.limit = limit;
  }

  public long limit() {
    return limit;
  }
}
