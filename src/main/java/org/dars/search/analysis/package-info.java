/**
 * Text analysis for Dars search: one Lucene analysis chain shared by Persian and Arabic (and the
 * Latin terms mixed into them), used identically at index and query time. {@link
 * org.dars.search.analysis.DarsAnalyzer} folds Unicode presentation forms, letter variants,
 * diacritics, digits and invisible control characters; treats the zero-width non-joiner as a joiner
 * and re-attaches Persian verb prefixes and plural/comparative/pronoun suffixes written detached;
 * removes a combined Persian and Arabic stop set; and, in its stemmed variant, applies a light
 * combined Persian/Arabic stemmer. {@link org.dars.search.analysis.SearchTextNormalizer} exposes the
 * character-level folding alone and {@link org.dars.search.analysis.AnalysisSchema} versions the
 * analysis output recorded in the index.
 */
package org.dars.search.analysis;
