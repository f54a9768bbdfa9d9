package org.dars.content;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.time.Instant;

/** One version of an item: its file, and what extraction made of it. */
public record VersionView(
    String id,
    int version,
    ItemStatus status,
    String failure,
    String mediaType,
    long size,
    String sha256,
    String fileName,
    String detectedLanguage,
    long textChars,
    String note,
    Instant createdAt,
    String createdBy,
    Instant extractedAt,
    JsonObject extracted) {

  static VersionView of(ItemVersion v) {
    String note =
        v.status() == ItemStatus.READY && v.textChars() == 0
            ? "No text was found in this file (an image or scan without OCR, or media without speech)."
            : null;
    return new VersionView(
        v.itemId().toString(),
        v.number(),
        v.status(),
        v.failure().orElse(null),
        v.mediaType(),
        v.size(),
        v.sha256().hex(),
        v.fileName(),
        v.detectedLanguage().orElse(null),
        v.textChars(),
        note,
        v.createdAt(),
        v.createdBy(),
        v.extractedAt().orElse(null),
        v.extractedJson().map(j -> Json.createReader(new StringReader(j)).readObject()).orElse(null));
  }
}
