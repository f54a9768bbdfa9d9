package org.dars.storage;

import java.util.List;

/** The outcome of re-hashing the store: how many blobs were checked and which ones failed. */
public record FixityReport(long checked, long bytes, List<String> corrupt, List<String> missing) {}
