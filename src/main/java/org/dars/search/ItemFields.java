package org.dars.search;

import java.util.List;

/**
 * The index schema: one document per item, holding its metadata and the text of its newest READY
 * version. Analysed fields come in pairs: the stemmed field, and an {@code _exact} twin without
 * stemming, so exact forms rank above words that merely share a stem.
 */
final class ItemFields {
  static final String ID = "id";
  static final String VERSION = "version";
  static final String TITLE = "title";
  static final String TITLE_EXACT = "title_exact";
  static final String DESCRIPTION = "description";
  static final String DESCRIPTION_EXACT = "description_exact";
  static final String META = "meta";
  static final String META_EXACT = "meta_exact";
  static final String TEXT = "text";
  static final String TEXT_EXACT = "text_exact";
  static final String LANGUAGE = "language";
  static final String MEDIA_TYPE = "mediaType";
  static final String CREATED = "created";

  static final List<String> EXACT_FIELDS = List.of(TITLE_EXACT, DESCRIPTION_EXACT, META_EXACT, TEXT_EXACT);

  private ItemFields() {}
}
