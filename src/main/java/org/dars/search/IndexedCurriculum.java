package org.dars.search;

import java.util.List;
import java.util.Objects;
import org.dars.curriculum.Origin;

/**
 * What the index knows of a curriculum: its draft's titles (any of Persian, Arabic, English), the
 * title in its own language, its description, and the instance it was imported from ({@code
 * origin}, null for a local curriculum). Plain data, like {@link IndexedItem}.
 */
record IndexedCurriculum(String id, String displayTitle, List<String> titles, String description, Origin origin,
    IndexedAccess access) {
  IndexedCurriculum {
    Objects.requireNonNull(id);
    titles = titles.stream().filter(Objects::nonNull).toList();
    displayTitle = displayTitle == null ? String.join(" / ", titles) : displayTitle;
  }

}
