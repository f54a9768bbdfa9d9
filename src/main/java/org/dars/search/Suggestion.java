package org.dars.search;

/** A title that completes what the user has typed so far. */
public record Suggestion(String id, String title) {}
