package org.dars.sharing;

import java.util.LinkedHashMap;
import java.util.Map;
import org.dars.platform.DarsException;

/**
 * A package that is not imported, with the precise reason as its problem type (for instance
 * {@code https://dars.example/problems/package-digest-mismatch}). Nothing of a refused package
 * becomes visible. The reasons are listed in {@code docs/package-format.md}.
 */
public final class PackageRefusedException extends DarsException {
  private static final long serialVersionUID = 1L;
  private final String reason;

  PackageRefusedException(String reason, String detail) {
    this(reason, detail, Map.of(), null);
  }

  PackageRefusedException(String reason, String detail, Map<String, Object> extensions, Throwable cause) {
    super(422, "package-" + reason, "Package refused", detail, withReason(reason, extensions), cause);
    this.reason = reason;
  }

  /** The short reason, such as {@code digest-mismatch}, {@code bad-signature} or {@code unsafe-entry-name}. */
  public String reason() {
    return reason;
  }

  private static Map<String, Object> withReason(String reason, Map<String, Object> extensions) {
    Map<String, Object> m = new LinkedHashMap<>(extensions);
    m.put("reason", reason);
    return m;
  }
}
