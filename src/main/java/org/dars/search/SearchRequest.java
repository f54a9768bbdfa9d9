package org.dars.search;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A search as the API receives it: the typed query, exact-value filters per dimension (values of
 * one dimension are alternatives, dimensions combine with AND), an optional restriction to a set
 * of item ids (how a curriculum or release narrows search), the order, and the page.
 */
public record SearchRequest(
    String q, Map<String, Set<String>> filters, Optional<Set<String>> itemIds, Sort sort, int page, int size) {

  /** Result order. Title order follows the Persian alphabet (ICU collation), Arabic included. */
  public enum Sort {
    RELEVANCE, NEWEST, TITLE;

    /** Parses {@code relevance|newest|title}; anything else is refused with the allowed values. */
    public static Sort parse(String raw) {
      if (raw == null || raw.isBlank()) {
        return RELEVANCE;
      }
      return switch (raw.strip().toLowerCase(java.util.Locale.ROOT)) {
        case "relevance" -> RELEVANCE;
        case "newest" -> NEWEST;
        case "title" -> TITLE;
        default -> throw org.dars.platform.DarsException.badRequest("invalid-parameter",
            "'sort' must be relevance, newest or title.");
      };
    }
  }

  public SearchRequest {
    q = q == null ? "" : q;
    Map<String, Set<String>> copy = new LinkedHashMap<>();
    filters.forEach((dim, values) -> {
      if (!values.isEmpty()) {
        copy.put(dim, Set.copyOf(values));
      }
    });
    filters = Map.copyOf(copy);
    itemIds = itemIds.map(Set::copyOf);
  }

  /** A plain query over everything, by relevance. */
  public static SearchRequest of(String q, int page, int size) {
    return new SearchRequest(q, Map.of(), Optional.empty(), Sort.RELEVANCE, page, size);
  }

  /** The same search restricted to these items (intersected with any earlier restriction). */
  public SearchRequest restrictedTo(Set<String> ids) {
    Set<String> allowed = itemIds.map(prev -> {
      Set<String> both = new java.util.HashSet<>(prev);
      both.retainAll(ids);
      return (Set<String>) both;
    }).orElse(ids);
    return new SearchRequest(q, filters, Optional.of(allowed), sort, page, size);
  }

  List<String> dimensions() {
    return List.copyOf(filters.keySet());
  }
}
