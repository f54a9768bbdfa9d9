package org.dars.search;

import java.util.Objects;

/** Who may find a document: its owner organisation, visibility and review state, as index terms. */
record IndexedAccess(String owner, String visibility, String review) {
  /** Published and public: what tests and benchmarks index when access is not their subject. */
  static final IndexedAccess PUBLIC = new IndexedAccess("home", "public", "published");

  IndexedAccess {
    Objects.requireNonNull(owner);
    Objects.requireNonNull(visibility);
    Objects.requireNonNull(review);
  }
}
