package org.dars.content;

import java.time.Instant;
import java.util.List;

/**
 * An item as the API shows it: its metadata and its latest version. {@code origin} names the partner
 * organisation an upstream copy was imported from, and is absent on local items. {@code owner} is the
 * organisation whose authors change it, {@code visibility} who else reads it, and {@code review}
 * where it stands in its organisation's review (draft, in-review, published).
 */
public record ItemView(
    String id,
    int version,
    String title,
    ItemStatus status,
    String failure,
    String mediaType,
    long size,
    String sha256,
    String fileName,
    List<String> language,
    String detectedLanguage,
    boolean textFound,
    String description,
    List<String> subjects,
    String level,
    List<String> tags,
    String license,
    List<String> authors,
    String organisation,
    String source,
    String translationOf,
    String origin,
    String owner,
    String visibility,
    String review,
    Instant createdAt,
    Instant updatedAt) {

  static ItemView of(Item item, ItemVersion latest) {
    ItemMetadata m = item.metadata();
    return new ItemView(
        item.id().toString(),
        latest.number(),
        item.title(),
        latest.status(),
        latest.failure().orElse(null),
        latest.mediaType(),
        latest.size(),
        latest.sha256().hex(),
        latest.fileName(),
        m.language(),
        latest.detectedLanguage().orElse(null),
        latest.textChars() > 0,
        m.description(),
        m.subjects(),
        m.level(),
        m.tags(),
        m.license(),
        m.authors(),
        m.organisation(),
        m.source(),
        m.translationOf(),
        item.originOrganisation().orElse(null),
        item.owner().value(),
        item.visibility().id(),
        item.reviewState().id(),
        item.createdAt(),
        item.updatedAt());
  }
}
