package org.dars.search;

import java.util.List;
import org.apache.lucene.facet.FacetsConfig;

/**
 * The index schema: one document per item, holding its metadata and the text of its newest READY
 * version, and one document per curriculum ({@link #KIND} tells them apart; item searches leave
 * curricula out). Analysed fields come in pairs: the stemmed field, and an {@code _exact} twin
 * without stemming, so exact forms rank above words that merely share a stem (a word's score
 * only: the twins are indexed without positions, and phrases match on the stemmed fields); the body text also
 * has {@link #TEXT_NGRAM}, a ranking-only field of character n-grams. Filterable values (language,
 * media type, subject, level, licence, organisation) are indexed twice: as exact terms under their
 * own field name, for filters, and as sorted-set facet values, for counts.
 *
 * <p>Any change to the fields, their index options or what goes into them must bump {@link
 * #SCHEMA_VERSION}: the index records it beside the analysis version, and an index written with
 * another one is rebuilt at start.
 */
final class ItemFields {
  /** Version of the index layout (fields and their options); see the class comment. */
  static final int SCHEMA_VERSION = 5;

  static final String ID = "id";
  /** {@link #KIND_ITEM} or {@link #KIND_CURRICULUM}. */
  static final String KIND = "kind";
  static final String KIND_ITEM = "item";
  static final String KIND_CURRICULUM = "curriculum";
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
  /**
   * Character n-grams of the stemmed body text ({@code DarsAnalyzer.ngrams()}): a low-weighted
   * ranking signal only, never a reason for a match. Not in {@link #EXACT_FIELDS}, not used by the
   * spelling corrector.
   */
  static final String TEXT_NGRAM = "text_ngram";
  static final String CREATED = "created";
  /** Owner organisation, visibility and review state: the access filter's terms ({@link AccessFilter}). */
  static final String ACCESS_OWNER = "access_owner";
  static final String ACCESS_VISIBILITY = "access_visibility";
  static final String ACCESS_REVIEW = "access_review";
  /**
   * The instance an upstream copy was imported from, and its organisation name: stored only, so
   * hits can show where an item or curriculum came from; absent on local documents.
   */
  static final String ORIGIN_INSTANCE = "origin_instance";
  static final String ORIGIN_ORGANISATION = "origin_organisation";

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
