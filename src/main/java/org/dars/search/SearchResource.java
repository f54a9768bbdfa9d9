package org.dars.search;

import jakarta.inject.Inject;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.dars.platform.Params;

/**
 * {@code GET /api/v1/search}: any string a person types returns results or none, never an error. Filters take exact values and may repeat ({@code
 * lang=fa&lang=ar} means either).
 */
@Path("/search")
@Produces(MediaType.APPLICATION_JSON)
public class SearchResource {
  private static final int MAX_FILTER_VALUES = 20;
  private static final int MAX_FILTER_CHARS = 200;

  @Inject SearchService search;

  @GET
  public SearchResult search(
      @QueryParam("q") @DefaultValue("") String q,
      @QueryParam("lang") List<String> lang,
      @QueryParam("mediaType") List<String> mediaType,
      @QueryParam("subject") List<String> subject,
      @QueryParam("level") List<String> level,
      @QueryParam("license") List<String> license,
      @QueryParam("organisation") List<String> organisation,
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
    return search.search(new SearchRequest(q, filters, Optional.empty(), SearchRequest.Sort.parse(sort),
        Params.number("page", page, 0, 1000), Params.number("size", size, 1, 100)));
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
