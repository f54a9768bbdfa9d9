package org.dars.search;

import java.util.List;

/** Title completions for {@code GET /api/v1/suggest}, best first. */
public record SuggestResult(List<Suggestion> suggestions) {}
