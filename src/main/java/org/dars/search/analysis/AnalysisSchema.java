package org.dars.search.analysis;

/**
 * Version of the analysis output. The index records it; any change to what {@link DarsAnalyzer} or
 * {@link SearchTextNormalizer} produce for some input must bump {@link #VERSION} so that existing
 * indexes are rebuilt instead of silently mixing two normalisations.
 */
public final class AnalysisSchema {

  /** Current analysis version; bump whenever analysis output changes. */
  public static final int VERSION = 2;

  private AnalysisSchema() {}
}
