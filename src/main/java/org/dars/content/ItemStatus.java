package org.dars.content;

/** Where a version stands on its way from upload to search. */
public enum ItemStatus {
  /** Stored safely; text extraction has not finished. */
  PROCESSING,
  /** Extracted and searchable. */
  READY,
  /** Extraction failed; the bytes are kept and extraction can be retried. */
  FAILED
}
