package org.dars.linking;

import java.util.List;

/**
 * What a stable item link answers to an API client: the version served, whether a newer one
 * exists ({@code superseded}, with {@code latest}), and where the bytes are.
 */
public record ItemLinkView(
    String id,
    String title,
    String description,
    List<String> language,
    int version,
    int latestVersion,
    boolean superseded,
    String status,
    String mediaType,
    String fileName,
    long size,
    String permalink,
    String latest,
    String content) {}
