package org.dars.extraction;

/** Extraction failed for a reason that belongs to the file, not the server; the reason is for people. */
public final class ExtractionException extends Exception {
  private static final long serialVersionUID = 1L;
  private final String mediaType;

  public ExtractionException(String mediaType, String reason, Throwable cause) {
    super(reason, cause);
    this.mediaType = mediaType;
  }

  public String mediaType() {
    return mediaType;
  }
}
