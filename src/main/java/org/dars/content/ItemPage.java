package org.dars.content;

import java.util.List;

/** One page of the item listing, newest first. */
public record ItemPage(long total, int page, int size, List<ItemView> items) {}
