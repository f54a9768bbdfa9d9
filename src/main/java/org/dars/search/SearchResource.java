package org.dars.search;

import org.dars.security.Allowed;
import org.dars.security.Role;
import jakarta.inject.Inject;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.dars.curriculum.CurriculumId;
import org.dars.curriculum.CurriculumService;
import org.dars.platform.DarsException;
import org.dars.platform.Params;

/**
 * {@code GET /api/v1/search}: any string a person types returns results or none, never an error.
 * Filters take exact values and may repeat ({@code lang=fa&lang=ar} means either). {@code
 * curriculum} (with an optional {@code release}, else the draft) narrows the search to the items
 * that curriculum uses; a malformed id or release is a 400 problem, an unknown one a 404.
 */
@Path("/search")
@Produces(MediaType.APPLICATION_JSON)
public class SearchResource {
  private static final int MAX_FILTER_VALUES = 20;
  private static final int MAX_FILTER_CHARS = 200;

  @Inject SearchService search;
  @Inject CurriculumService curricula;

  @Allowed(anonymous = true)
  @GET
  public SearchResult search(
      @QueryParam("q") @DefaultValue("") String q,
      @QueryParam("lang") List<String> lang,
      @QueryParam("mediaType") List<String> mediaType,
      @QueryParam("subject") List<String> subject,
      @QueryParam("level") List<String> level,
      @QueryParam("license") List<String> license,
      @QueryParam("organisation") List<String> organisation,
      @QueryParam("curriculum") String curriculum,
      @QueryParam("release") String release,
      @QueryParam("sort") @DefaultValue("relevance") String sort,
      @QueryParam("page") @DefaultValue("0") String page,
      @QueryParam("size") @DefaultValue("10") String size) {
    Map<String, Set<String>> filters = new HashMap<>();
    filters.put(ItemFields.LANGUAGE, values(lang));
    filters.put(ItemFields.MEDIA_TYPE, values(mediaType));
    filters.put(ItemFields.SUBJECT, values(subject));
    filters.put(ItemFields.LEVEL, values(level));
    filters.put(ItemFields.LICENSE, values(license));
    filters.put(ItemFields.ORGANISATION, values(organisation));
    SearchRequest request = new SearchRequest(q, filters, Optional.empty(), SearchRequest.Sort.parse(sort),
        Params.number("page", page, 0, 1000), Params.number("size", size, 1, 100));
    return search.search(restricted(request, curriculum, release));
  }

  private SearchRequest restricted(SearchRequest request, String curriculum, String release) {
    boolean noRelease = release == null || release.isBlank();
    if (curriculum == null || curriculum.isBlank()) {
      if (!noRelease) {
        throw DarsException.badRequest("invalid-parameter",
            "'release' narrows search to a release of a curriculum; give the curriculum too (curriculum=<id>).");
      }
      return request;
    }
    CurriculumId id = CurriculumId.parse(curriculum.strip());
    Set<String> ids = new HashSet<>();
    curricula.itemIdsOf(id, noRelease ? Optional.empty() : Optional.of(release.strip()))
        .forEach(item -> ids.add(item.toString()));
    return request.restrictedTo(ids);
  }

  private static Set<String> values(List<String> raw) {
    Set<String> values = new LinkedHashSet<>();
    if (raw != null) {
      for (String v : raw) {
        if (v != null && !v.isBlank() && values.size() < MAX_FILTER_VALUES) {
          String s = v.strip();
          values.add(s.length() > MAX_FILTER_CHARS ? s.substring(0, MAX_FILTER_CHARS) : s);
        }
      }
    }
    return values;
  }
}
