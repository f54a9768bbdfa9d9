package org.dars.curriculum;

import java.util.UUID;

/**
 * The instance an upstream copy of a curriculum or item came from (issue 5): its instance id and
 * organisation name, shown wherever the copy appears.
 */
public record Origin(UUID instance, String organisation) {
  public Origin {
    if (instance == null || organisation == null || organisation.isBlank()) {
      throw new IllegalArgumentException("An origin needs an instance id and an organisation");
    }
  }
}
