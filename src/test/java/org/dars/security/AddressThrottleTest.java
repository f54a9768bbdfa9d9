package org.dars.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class AddressThrottleTest {
  private static final Instant T0 = Instant.parse("2026-11-29T08:00:00Z");
  private final AddressThrottle throttle = new AddressThrottle(3, Duration.ofMinutes(5));

  @Test
  void refusesAnAddressOnceItReachesTheLimitWithinTheWindow() {
    for (int i = 0; i < 3; i++) {
      assertTrue(throttle.refusedUntil("10.1.1.7", T0).isEmpty());
      throttle.failed("10.1.1.7", T0.plusSeconds(i));
    }
    assertEquals(Optional.of(T0.plus(Duration.ofMinutes(5))), throttle.refusedUntil("10.1.1.7", T0.plusSeconds(10)));
  }

  @Test
  void otherAddressesAreNotAffected() {
    for (int i = 0; i < 3; i++) {
      throttle.failed("10.1.1.7", T0);
    }
    assertTrue(throttle.refusedUntil("10.1.1.8", T0).isEmpty());
  }

  @Test
  void aNewWindowStartsAfterTheOldOneEnds() {
    for (int i = 0; i < 3; i++) {
      throttle.failed("10.1.1.7", T0);
    }
    Instant later = T0.plus(Duration.ofMinutes(5));
    assertTrue(throttle.refusedUntil("10.1.1.7", later).isEmpty());
    throttle.failed("10.1.1.7", later);
    assertTrue(throttle.refusedUntil("10.1.1.7", later).isEmpty(), "one failure in the new window");
  }
}
