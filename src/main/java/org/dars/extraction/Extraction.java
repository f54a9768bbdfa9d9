package org.dars.extraction;

import java.util.Map;
import java.util.Optional;

/**
 * What extraction made of a file: its detected type, its text (NFKC-normalised, possibly empty),
 * whether the text was cut at the character limit, the guessed language and document metadata
 * such as title, author and page count.
 */
public record Extraction(
    String mediaType, String text, boolean truncated, Optional<String> language, Map<String, String> metadata) {}
