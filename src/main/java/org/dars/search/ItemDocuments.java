package org.dars.search;

import com.ibm.icu.text.Collator;
import com.ibm.icu.text.RawCollationKey;
import com.ibm.icu.util.ULocale;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Supplier;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.FieldType;
import org.apache.lucene.document.NumericDocValuesField;
import org.apache.lucene.document.SortedDocValuesField;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.facet.sortedset.SortedSetDocValuesFacetField;
import org.apache.lucene.index.IndexOptions;
import org.apache.lucene.util.BytesRef;
import org.dars.curriculum.Origin;
import org.dars.search.analysis.DarsAnalyzer;
import org.dars.search.analysis.SearchTextNormalizer;

/**
 * Builds the Lucene document of an item, the same way in the server and in the benchmark. The
 * fields are those of {@link ItemFields}; facet values go through {@link ItemFields#FACETS}.
 *
 * <p>The body text is analysed once for its three fields ({@code text_exact}, {@code text}, {@code
 * text_ngram}, in that order; see {@link DarsAnalyzer#onePass(String)}). The token streams are made
 * when the writer asks for them, so the same document can be written twice (to the live generation
 * and to one being rebuilt). {@code text} is indexed with offsets, so snippets are highlighted from
 * the postings instead of analysing the stored text again.
 */
final class ItemDocuments {
  /** Longest value kept for a filter/facet term; longer metadata values are cut, not refused. */
  private static final int MAX_FACET_VALUE = 200;

  /**
   * Persian collation, frozen so threads can share it. Its rules place پ چ ژ گ after ب ج ز ک and
   * order the Arabic letters among them, so one collator serves mixed Persian and Arabic titles.
   */
  static final Collator TITLE_COLLATOR = titleCollator();

  private static final FieldType PREFIX_TYPE = prefixType();

  /**
   * Texts longer than this are analysed three times, field by field, instead of once with the
   * recorded token states held in memory (some hundred bytes per token).
   */
  static final int ONE_PASS_MAX_CHARS = 500_000;

  /** The stemmed body text: positions for phrases, offsets for highlighting; stored separately. */
  static final FieldType TEXT_TYPE = textType();

  /**
   * The {@code _exact} twins and the n-grams: term frequencies and norms for scoring only, never in
   * a phrase (phrases are matched on the stemmed fields), so no positions.
   */
  static final FieldType SCORING_TYPE = scoringOnlyType();

  private ItemDocuments() {}

  static Document build(IndexedItem item) {
    Document doc = new Document();
    doc.add(new StringField(ItemFields.ID, item.id(), Field.Store.YES));
    doc.add(new StringField(ItemFields.KIND, ItemFields.KIND_ITEM, Field.Store.NO));
    AccessFilter.index(doc, item.access());
    doc.add(new StoredField(ItemFields.VERSION, item.version()));
    addText(doc, ItemFields.TITLE, ItemFields.TITLE_EXACT, item.title(), true);
    doc.add(new Field(ItemFields.TITLE_PREFIX, SearchTextNormalizer.normalize(item.title()), PREFIX_TYPE));
    doc.add(new SortedDocValuesField(ItemFields.TITLE_SORT, collationKey(item.title())));
    if (item.description() != null) {
      addText(doc, ItemFields.DESCRIPTION, ItemFields.DESCRIPTION_EXACT, item.description(), false);
    }
    List<String> meta = new ArrayList<>();
    meta.addAll(item.subjects());
    meta.addAll(item.tags());
    meta.addAll(item.authors());
    if (item.level() != null) {
      meta.add(item.level());
    }
    if (item.organisation() != null) {
      meta.add(item.organisation());
    }
    addText(doc, ItemFields.META, ItemFields.META_EXACT, String.join(" \n ", meta), false);
    addBody(doc, item.text());

    for (String language : item.languages()) {
      addDimension(doc, ItemFields.LANGUAGE, language, true);
    }
    addDimension(doc, ItemFields.MEDIA_TYPE, item.mediaType(), true);
    for (String subject : item.subjects()) {
      addDimension(doc, ItemFields.SUBJECT, subject, false);
    }
    addDimension(doc, ItemFields.LEVEL, item.level(), false);
    addDimension(doc, ItemFields.LICENSE, item.license(), false);
    addDimension(doc, ItemFields.ORGANISATION, item.organisation(), false);
    doc.add(new NumericDocValuesField(ItemFields.CREATED, item.created().toEpochMilli()));
    addOrigin(doc, item.origin());
    try {
      return ItemFields.FACETS.build(doc);
    } catch (IOException e) {
      throw new UncheckedIOException("Building the facet fields of item " + item.id() + " failed", e);
    }
  }

  /**
   * The document of a curriculum: all its title forms in the title fields, its description in the
   * description fields (stored, for snippets), and nothing else: no body text, facets or
   * autocompletion. Item searches leave it out by its {@link ItemFields#KIND}.
   */
  static Document build(IndexedCurriculum curriculum) {
    Document doc = new Document();
    doc.add(new StringField(ItemFields.ID, curriculum.id(), Field.Store.YES));
    doc.add(new StringField(ItemFields.KIND, ItemFields.KIND_CURRICULUM, Field.Store.NO));
    AccessFilter.index(doc, curriculum.access());
    doc.add(new StoredField(ItemFields.TITLE, curriculum.displayTitle()));
    String titles = String.join(" \n ", curriculum.titles());
    doc.add(new TextField(ItemFields.TITLE, titles, Field.Store.NO));
    doc.add(new Field(ItemFields.TITLE_EXACT, titles, SCORING_TYPE));
    if (curriculum.description() != null) {
      addText(doc, ItemFields.DESCRIPTION, ItemFields.DESCRIPTION_EXACT, curriculum.description(), true);
    }
    addOrigin(doc, curriculum.origin());
    return doc;
  }

  private static void addOrigin(Document doc, Origin origin) {
    if (origin != null) {
      doc.add(new StoredField(ItemFields.ORIGIN_INSTANCE, origin.instance().toString()));
      doc.add(new StoredField(ItemFields.ORIGIN_ORGANISATION, origin.organisation()));
    }
  }

  /** The origin stored in a document, or null for a local item or curriculum. */
  static Origin origin(Document doc) {
    String instance = doc.get(ItemFields.ORIGIN_INSTANCE);
    return instance == null ? null : new Origin(UUID.fromString(instance), doc.get(ItemFields.ORIGIN_ORGANISATION));
  }

  /** The sort key of a title; titles that collate equal get equal keys. */
  static BytesRef collationKey(String title) {
    RawCollationKey key = TITLE_COLLATOR.getRawCollationKey(Snippets.stripControls(title), null);
    return new BytesRef(key.bytes, 0, key.size);
  }

  /** {@code text}, {@code text_exact} and {@code text_ngram} of the body text; {@code text} stored. */
  static void addBody(Document doc, String text) {
    doc.add(new StoredField(ItemFields.TEXT, text));
    if (text.length() > ONE_PASS_MAX_CHARS) {
      doc.add(new Field(ItemFields.TEXT_EXACT, text, SCORING_TYPE));
      doc.add(new Field(ItemFields.TEXT, text, TEXT_TYPE));
      doc.add(new Field(ItemFields.TEXT_NGRAM, text, SCORING_TYPE));
      return;
    }
    OnePassText shared = new OnePassText(text);
    doc.add(new StreamField(ItemFields.TEXT_EXACT, SCORING_TYPE, shared::start));
    doc.add(new StreamField(ItemFields.TEXT, TEXT_TYPE, () -> shared.pass().stemmed()));
    doc.add(new StreamField(ItemFields.TEXT_NGRAM, SCORING_TYPE, () -> shared.pass().ngrams()));
  }

  /** One analysis of a text, started again each time the document is written. */
  private static final class OnePassText {
    private final String text;
    private DarsAnalyzer.OnePass pass;

    OnePassText(String text) {
      this.text = text;
    }

    TokenStream start() {
      pass = DarsAnalyzer.onePass(text);
      return pass.exact();
    }

    DarsAnalyzer.OnePass pass() {
      if (pass == null) {
        throw new IllegalStateException("The exact field must be indexed before the fields replaying it");
      }
      return pass;
    }
  }

  /** An indexed, unstored field whose token stream is made when the writer asks for it. */
  private static final class StreamField extends Field {
    private final Supplier<TokenStream> tokens;

    StreamField(String name, FieldType type, Supplier<TokenStream> tokens) {
      super(name, type);
      this.tokens = tokens;
    }

    @Override
    public TokenStream tokenStream(Analyzer analyzer, TokenStream reuse) {
      return tokens.get();
    }
  }

  private static void addText(Document doc, String field, String exactField, String value, boolean stored) {
    doc.add(new TextField(field, value, stored ? Field.Store.YES : Field.Store.NO));
    doc.add(new Field(exactField, value, SCORING_TYPE));
  }

  private static void addDimension(Document doc, String dim, String value, boolean stored) {
    if (value == null || value.isBlank()) {
      return;
    }
    String v = value.strip();
    if (v.length() > MAX_FACET_VALUE) {
      v = v.substring(0, MAX_FACET_VALUE);
    }
    doc.add(new StringField(dim, v, stored ? Field.Store.YES : Field.Store.NO));
    doc.add(new SortedSetDocValuesFacetField(dim, v));
  }

  private static Collator titleCollator() {
    Collator collator = Collator.getInstance(new ULocale("fa"));
    collator.setStrength(Collator.TERTIARY);
    return collator.freeze();
  }

  private static FieldType textType() {
    FieldType type = new FieldType(TextField.TYPE_NOT_STORED);
    type.setIndexOptions(IndexOptions.DOCS_AND_FREQS_AND_POSITIONS_AND_OFFSETS);
    type.freeze();
    return type;
  }

  private static FieldType scoringOnlyType() {
    FieldType type = new FieldType(TextField.TYPE_NOT_STORED);
    type.setIndexOptions(IndexOptions.DOCS_AND_FREQS);
    type.freeze();
    return type;
  }

  private static FieldType prefixType() {
    FieldType type = new FieldType();
    type.setIndexOptions(IndexOptions.DOCS_AND_FREQS);
    type.setTokenized(true);
    type.setOmitNorms(false);
    type.freeze();
    return type;
  }
}
