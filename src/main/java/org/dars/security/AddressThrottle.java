package org.dars.security;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Counts failed sign-ins per client address in a fixed window; past the limit, that address is
 * refused until the window ends. Kept in memory, per server: it slows down guessing from one
 * address, while the lockout of each account (in the database) holds across a cluster.
 */
final class AddressThrottle {
  private static final int MAX_ADDRESSES = 10_000;

  private final int limit;
  private final Duration window;
  private final Map<String, Window> failures = new ConcurrentHashMap<>();

  private record Window(Instant start, int count) {}

  AddressThrottle(int limit, Duration window) {
    this.limit = limit;
    this.window = window;
  }

  /** When the address may try again, if it is refused now. */
  Optional<Instant> refusedUntil(String address, Instant now) {
    Window w = failures.get(key(address));
    if (w != null && w.start().plus(window).isAfter(now) && w.count() >= limit) {
      return Optional.of(w.start().plus(window));
    }
    return Optional.empty();
  }

  void failed(String address, Instant now) {
    if (failures.size() > MAX_ADDRESSES) {
      failures.clear();
    }
    failures.compute(key(address), (k, w) ->
        w == null || !w.start().plus(window).isAfter(now) ? new Window(now, 1) : new Window(w.start(), w.count() + 1));
  }

  private static String key(String address) {
    return address == null ? "" : address;
  }
}
