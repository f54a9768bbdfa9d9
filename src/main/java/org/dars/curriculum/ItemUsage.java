package org.dars.curriculum;

/**
 * One use of an item: in a curriculum's draft ({@code release} "draft", following the latest
 * version or pinning one) or in a release (always an exact version).
 */
public record ItemUsage(
    String curriculum, String title, String release, String follows, Integer version, int entries, boolean withdrawn) {}
