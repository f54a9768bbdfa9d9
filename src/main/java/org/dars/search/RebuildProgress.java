package org.dars.search;

import java.time.Instant;

/** Where the latest full rebuild stands; {@code state} is idle, running, done or failed. */
public record RebuildProgress(
    String state, Integer generation, long total, long done, Instant startedAt, Instant finishedAt, String error) {

  static RebuildProgress idle() {
    return new RebuildProgress("idle", null, 0, 0, null, null, null);
  }

  RebuildProgress advanced(long newDone) {
    return new RebuildProgress(state, generation, total, newDone, startedAt, finishedAt, error);
  }

  RebuildProgress finished(String finalState, String failure) {
    return new RebuildProgress(finalState, generation, total, done, startedAt, Instant.now(), failure);
  }
}
