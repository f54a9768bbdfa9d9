package org.dars.search;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.dars.search.analysis.AnalysisSchema;

/** Builds small indexes in a temporary folder for the unit tests of this package. */
final class TestIndexes {
  private TestIndexes() {}

  static IndexedItem item(String id, String title, String lang, String text) {
    return item(id, title, lang, "text/plain", List.of(), null, text, Instant.parse("2024-01-01T00:00:00Z"));
  }

  static IndexedItem item(String id, String title, String lang, String mediaType, List<String> subjects, String level,
      String text, Instant created) {
    return new IndexedItem(id, 1, title, null, List.of(lang), subjects, level, List.of(), "CC-BY-4.0",
        List.of(), lang.equals("fa") ? "khuzestan-tvto" : "maysan-vtc", mediaType, created, text, null, IndexedAccess.PUBLIC);
  }

  static SearchIndex open(Path dir, IndexedItem... items) {
    SearchIndex index = new SearchIndex();
    index.open(dir, AnalysisSchema.VERSION);
    try {
      for (IndexedItem item : items) {
        index.update(item.id(), ItemDocuments.build(item));
      }
      index.commit();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return index;
  }

  static SearchService service(SearchIndex index) {
    SearchService service = new SearchService();
    service.index = index;
    service.access = new org.dars.security.Access();
    return service;
  }
}
