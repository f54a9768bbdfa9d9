package org.dars.curriculum;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.dars.platform.DarsException;

/**
 * A release number, {@code major.minor}, compared numerically (1.10 comes after 1.9). Leading zeros
 * are refused so that one release has exactly one spelling in links.
 */
public record ReleaseVersion(int major, int minor) implements Comparable<ReleaseVersion> {
  private static final Pattern FORM = Pattern.compile("(0|[1-9][0-9]{0,5})\\.(0|[1-9][0-9]{0,5})");

  public ReleaseVersion {
    if (major < 0 || minor < 0) {
      throw new IllegalArgumentException("Release numbers are not negative");
    }
  }

  public static ReleaseVersion parse(String text) {
    Matcher m = text == null ? null : FORM.matcher(text.strip());
    if (m == null || !m.matches()) {
      throw DarsException.badRequest("malformed-version",
          "'" + Problems.abbreviate(text) + "' is not a release version. Write major.minor, such as 1.0"
              + " or 2.13, without leading zeros.");
    }
    return new ReleaseVersion(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)));
  }

  @Override
  public int compareTo(ReleaseVersion o) {
    return major != o.major ? Integer.compare(major, o.major) : Integer.compare(minor, o.minor);
  }

  public boolean isAfter(ReleaseVersion o) {
    return compareTo(o) > 0;
  }

  @Override
  public String toString() {
    return major + "." + minor;
  }
}
