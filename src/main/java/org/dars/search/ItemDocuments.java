package org.dars.search;

import com.ibm.icu.text.Collator;
import com.ibm.icu.text.RawCollationKey;
import com.ibm.icu.util.ULocale;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
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
import org.dars.search.analysis.SearchTextNormalizer;

/**
 * Builds the Lucene document of an item, the same way in the server and in the benchmark. The
 * fields are those of {@link ItemFields}; facet values go through {@link ItemFields#FACETS}.
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

  private ItemDocuments() {}

  static Document build(IndexedItem item) {
    Document doc = new Document();
    doc.add(new StringField(ItemFields.ID, item.id(), Field.Store.YES));
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
    addText(doc, ItemFields.TEXT, ItemFields.TEXT_EXACT, item.text(), true);

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
    try {
      return ItemFields.FACETS.build(doc);
    } catch (IOException e) {
      throw new UncheckedIOException("Building the facet fields of item " + item.id() + " failed", e);
    }
  }

  /** The sort key of a title; titles that collate equal get equal keys. */
  static BytesRef collationKey(String title) {
    RawCollationKey key = TITLE_COLLATOR.getRawCollationKey(Snippets.stripControls(title), null);
    return new BytesRef(key.bytes, 0, key.size);
  }

  private static void addText(Document doc, String field, String exactField, String value, boolean stored) {
    doc.add(new TextField(field, value, stored ? Field.Store.YES : Field.Store.NO));
    doc.add(new TextField(exactField, value, Field.Store.NO));
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

  private static FieldType prefixType() {
    FieldType type = new FieldType();
    type.setIndexOptions(IndexOptions.DOCS_AND_FREQS);
    type.setTokenized(true);
    type.setOmitNorms(false);
    type.freeze();
    return type;
  }
}
