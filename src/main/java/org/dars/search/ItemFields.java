package org.dars.search;

import java.util.List;
import org.apache.lucene.facet.FacetsConfig;

/**
 * The index schema: one document per item, holding its metadata and the text of its newest READY
 * version. Analysed fields come in pairs: the stemmed field, and an {@code _exact} twin without
 * stemming, so exact forms rank above words that merely share a stem. Filterable values (language,
 * media type, subject, level, licence, organisation) are indexed twice: as exact terms under their
 * own field name, for filters, and as sorted-set facet values, for counts.
 */
final class ItemFields {
  static final String ID = "id";
  static final String VERSION = "version";
  static final String TITLE = "title";
  static final String TITLE_EXACT = "title_exact";
  /** Edge n-grams of the folded title words, for autocompletion. */
  static final String TITLE_PREFIX = "title_prefix";
  /** ICU collation key of the title (Persian rules, which also order Arabic letters). */
  static final String TITLE_SORT = "title_sort";
  static final String DESCRIPTION = "description";
  static final String DESCRIPTION_EXACT = "description_exact";
  static final String META = "meta";
  static final String META_EXACT = "meta_exact";
  static final String TEXT = "text";
  static final String TEXT_EXACT = "text_exact";
  static final String CREATED = "created";

  static final String LANGUAGE = "language";
  static final String MEDIA_TYPE = "mediaType";
  static final String SUBJECT = "subject";
  static final String LEVEL = "level";
  static final String LICENSE = "license";
  static final String ORGANISATION = "organisation";

  /** The filter and facet dimensions, in the order the response lists them. */
  static final List<String> DIMENSIONS = List.of(LANGUAGE, MEDIA_TYPE, SUBJECT, LEVEL, LICENSE, ORGANISATION);

  static final List<String> EXACT_FIELDS = List.of(TITLE_EXACT, DESCRIPTION_EXACT, META_EXACT, TEXT_EXACT);

  /** Every dimension may hold several values per item (an item in two languages, two subjects). */
  static final FacetsConfig FACETS = facetsConfig();

  private ItemFields() {}

  private static FacetsConfig facetsConfig() {
    FacetsConfig config = new FacetsConfig();
    DIMENSIONS.forEach(dim -> config.setMultiValued(dim, true));
    return config;
  }
}
