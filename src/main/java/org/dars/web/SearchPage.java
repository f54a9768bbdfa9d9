package org.dars.web;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.HttpServletRequest;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.dars.platform.DarsException;
import org.dars.search.FacetValue;
import org.dars.search.SearchHit;
import org.dars.search.SearchRequest;
import org.dars.search.SearchResult;
import org.dars.search.SearchService;

/**
 * The search page ({@code /search.xhtml}, also the welcome page). Everything is in the address,
 * as {@code GET /api/v1/search} takes it ({@code q}, one parameter per facet dimension, {@code
 * sort}, {@code page}), so results can be bookmarked and the back button works; the search itself
 * is {@link SearchService#search(SearchRequest)}, the same call the REST resource makes.
 */
@Named
@RequestScoped
public class SearchPage {
  static final int PAGE_SIZE = 10;
  /** Facet dimension in the index, and the parameter that filters on it (as the REST API names it). */
  static final Map<String, String> DIMENSIONS = new LinkedHashMap<>();

  static {
    DIMENSIONS.put("language", "lang");
    DIMENSIONS.put("mediaType", "mediaType");
    DIMENSIONS.put("subject", "subject");
    DIMENSIONS.put("level", "level");
    DIMENSIONS.put("license", "license");
    DIMENSIONS.put("organisation", "organisation");
  }

  @Inject SearchService search;
  @Inject HttpServletRequest request;
  @Inject Ui ui;

  private SearchResult result;
  private String problem;

  /** One facet dimension with its values, for the side panel. */
  public record Facet(String dimension, String param, List<FacetLink> values) {}

  /** A facet value with its count and the address that toggles it. */
  public record FacetLink(String value, long count, boolean selected, String href) {}

  /** A link to a page of results. */
  public record PageLink(int number, boolean current, String href) {}

  public String getQ() {
    String q = request.getParameter("q");
    return q == null ? "" : q;
  }

  public String getSort() {
    String s = request.getParameter("sort");
    return s == null || s.isBlank() ? "relevance" : s;
  }

  public int getPage() {
    try {
      return Math.max(0, Math.min(999, Integer.parseInt(request.getParameter("page"))));
    } catch (NumberFormatException e) {
      return 0;
    }
  }

  public SearchResult getResult() {
    if (result == null && problem == null) {
      try {
        SearchRequest.Sort sort;
        try {
          sort = SearchRequest.Sort.parse(getSort());
        } catch (DarsException e) {
          sort = SearchRequest.Sort.RELEVANCE;
        }
        result = search.search(new SearchRequest(getQ(), filters(), Optional.empty(), sort, getPage(), PAGE_SIZE));
      } catch (DarsException e) {
        problem = ui.problem(e);
      }
    }
    return result;
  }

  public String getProblem() {
    getResult();
    return problem;
  }

  public List<SearchHit> getHits() {
    return getResult() == null ? List.of() : getResult().hits();
  }

  public long getTotal() {
    return getResult() == null ? 0 : getResult().total();
  }

  /** The first and last result shown, counted from 1. */
  public long getFirst() {
    return getTotal() == 0 ? 0 : (long) getPage() * PAGE_SIZE + 1;
  }

  public long getLast() {
    return Math.min(getTotal(), (long) (getPage() + 1) * PAGE_SIZE);
  }

  public String getDidYouMean() {
    return getResult() == null ? null : getResult().didYouMean();
  }

  public String getDidYouMeanHref() {
    return href(getDidYouMean(), filters(), getSort(), 0);
  }

  public List<Facet> getFacets() {
    if (getResult() == null) {
      return List.of();
    }
    Map<String, Set<String>> filters = filters();
    List<Facet> facets = new ArrayList<>();
    DIMENSIONS.forEach((dim, param) -> {
      List<FacetValue> values = getResult().facets().getOrDefault(dim, List.of());
      if (!values.isEmpty()) {
        List<FacetLink> links = new ArrayList<>();
        for (FacetValue v : values) {
          Set<String> chosen = filters.getOrDefault(dim, Set.of());
          boolean selected = chosen.contains(v.value());
          Map<String, Set<String>> toggled = new LinkedHashMap<>(filters);
          Set<String> next = new LinkedHashSet<>(chosen);
          if (selected) {
            next.remove(v.value());
          } else {
            next.add(v.value());
          }
          toggled.put(dim, next);
          links.add(new FacetLink(v.value(), v.count(), selected, href(getQ(), toggled, getSort(), 0)));
        }
        facets.add(new Facet(dim, param, links));
      }
    });
    return facets;
  }

  /** The label of a facet value: languages and levels are translated, other values shown as stored. */
  public String valueLabel(String dimension, String value) {
    String key = "value." + dimension + "." + value;
    return ui.bundle().containsKey(key) ? ui.t(key) : value;
  }

  public List<String> getSortOrders() {
    return List.of("relevance", "newest", "title");
  }

  public String sortHref(String sort) {
    return href(getQ(), filters(), sort, 0);
  }

  public List<PageLink> getPages() {
    long pages = Math.min(100, (getTotal() + PAGE_SIZE - 1) / PAGE_SIZE);
    List<PageLink> links = new ArrayList<>();
    if (pages <= 1) {
      return links;
    }
    int from = Math.max(0, getPage() - 4);
    long to = Math.min(pages, from + 9L);
    for (int p = from; p < to; p++) {
      links.add(new PageLink(p, p == getPage(), href(getQ(), filters(), getSort(), p)));
    }
    return links;
  }

  public String getPreviousHref() {
    return getPage() == 0 ? null : href(getQ(), filters(), getSort(), getPage() - 1);
  }

  public String getNextHref() {
    return getLast() >= getTotal() ? null : href(getQ(), filters(), getSort(), getPage() + 1);
  }

  /** The filters of the address, by index dimension. */
  Map<String, Set<String>> filters() {
    Map<String, Set<String>> filters = new LinkedHashMap<>();
    DIMENSIONS.forEach((dim, param) -> {
      String[] values = request.getParameterValues(param);
      Set<String> set = new LinkedHashSet<>();
      if (values != null) {
        for (String v : values) {
          if (v != null && !v.isBlank() && set.size() < 20) {
            set.add(v.strip());
          }
        }
      }
      filters.put(dim, set);
    });
    return filters;
  }

  static String href(String q, Map<String, Set<String>> filters, String sort, int page) {
    StringBuilder b = new StringBuilder("search.xhtml?q=").append(Ui.enc(q == null ? "" : q));
    filters.forEach((dim, values) -> values.forEach(v -> b.append('&').append(DIMENSIONS.get(dim)).append('=').append(Ui.enc(v))));
    if (!"relevance".equals(sort)) {
      b.append("&sort=").append(Ui.enc(sort));
    }
    if (page > 0) {
      b.append("&page=").append(page);
    }
    return b.toString();
  }
}
