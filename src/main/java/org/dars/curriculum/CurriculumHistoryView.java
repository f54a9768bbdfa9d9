package org.dars.curriculum;

import jakarta.json.Json;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.time.Instant;

/** One entry of a curriculum's history: who did what, when. */
public record CurriculumHistoryView(Instant at, String actor, String action, JsonValue detail) {
  static CurriculumHistoryView of(CurriculumHistoryEntry e) {
    return new CurriculumHistoryView(e.at(), e.actor(), e.action().name(),
        Json.createReader(new StringReader(e.detailJson())).readValue());
  }
}
