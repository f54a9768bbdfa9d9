package org.dars.search;

import java.time.Instant;
import java.util.List;
import org.dars.curriculum.Origin;

/**
 * What the index knows of an item: its metadata and the text of its newest READY version, and the
 * instance it was imported from ({@code origin}, null for a local item), detached from JPA so that
 * documents can be built without a server (by the benchmark, by unit tests).
 */
record IndexedItem(
    String id,
    int version,
    String title,
    String description,
    List<String> languages,
    List<String> subjects,
    String level,
    List<String> tags,
    String license,
    List<String> authors,
    String organisation,
    String mediaType,
    Instant created,
    String text,
    Origin origin,
    IndexedAccess access) {

  IndexedItem {
    languages = List.copyOf(languages);
    subjects = List.copyOf(subjects);
    tags = List.copyOf(tags);
    authors = List.copyOf(authors);
    text = text == null ? "" : text;
  }

}
