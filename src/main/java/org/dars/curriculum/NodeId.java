package org.dars.curriculum;

import java.security.SecureRandom;
import java.util.regex.Pattern;
import org.dars.platform.DarsException;

/**
 * The identity of a module, lesson or entry within one curriculum. It survives every release, so a
 * diff can tell a moved or renamed node from a removed and re-added one. Clients may choose ids
 * (to refer, in one batch, to a node they just added); otherwise the server makes one up.
 */
public record NodeId(String value) {
  private static final Pattern FORM = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");
  private static final SecureRandom RANDOM = new SecureRandom();
  private static final char[] ALPHABET = "abcdefghijklmnopqrstuvwxyz0123456789".toCharArray();

  public NodeId {
    if (value == null || !FORM.matcher(value).matches()) {
      throw DarsException.badRequest("malformed-node-id",
          "'" + Problems.abbreviate(value) + "' is not a node id. Node ids are 1 to 64 letters, digits,"
              + " '.', '_' or '-', starting with a letter or digit.");
    }
  }

  /** A fresh id such as {@code n-k3x9q2m7}: 36^8 possibilities, checked for uniqueness by the tree. */
  static NodeId random() {
    char[] c = new char[8];
    for (int i = 0; i < c.length; i++) {
      c[i] = ALPHABET[RANDOM.nextInt(ALPHABET.length)];
    }
    return new NodeId("n-" + new String(c));
  }

  @Override
  public String toString() {
    return value;
  }
}
