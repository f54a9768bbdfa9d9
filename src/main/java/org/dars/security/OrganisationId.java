package org.dars.security;

import java.util.regex.Pattern;
import org.dars.platform.DarsException;

/** An organisation's short, readable id, such as {@code khuzestan-tvto} or {@code maysan}. */
public record OrganisationId(String value) {
  private static final Pattern FORM = Pattern.compile("[a-z0-9][a-z0-9-]{1,39}");

  public OrganisationId {
    if (value == null || !FORM.matcher(value).matches()) {
      throw new IllegalArgumentException("Not an organisation id: " + value);
    }
  }

  /** Parses an id a person sent, or answers 400 with the rule. */
  public static OrganisationId parse(String text) {
    if (text == null || !FORM.matcher(text).matches()) {
      throw DarsException.invalid("invalid-organisation-id",
          "Organisation ids are 2 to 40 lower-case ASCII letters, digits and hyphens, starting with a letter or digit,"
              + " such as 'khuzestan-tvto' or 'maysan'.");
    }
    return new OrganisationId(text);
  }

  /** The organisation that stands for a partner instance: its content, and its machine account, belong to it. */
  public static OrganisationId forPartner(java.util.UUID instance) {
    return new OrganisationId("partner-" + instance.toString().substring(0, 8));
  }

  @Override
  public String toString() {
    return value;
  }
}
