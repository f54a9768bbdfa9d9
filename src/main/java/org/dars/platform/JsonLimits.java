package org.dars.platform;

/**
 * The nesting limit of every JSON document a client sends. JSON-P builds nested arrays and objects
 * by recursion, so {@code [[[[…} a hundred thousand levels deep would end in a StackOverflowError
 * long before any field check; this scan counts the depth first, without recursion and without
 * parsing, and is cheap enough to run on every body. No Dars document nests deeper than five.
 */
public final class JsonLimits {
  public static final int MAX_DEPTH = 64;

  private JsonLimits() {}

  /** 400 {@code json-too-deep} when the text nests arrays and objects deeper than {@link #MAX_DEPTH}. */
  public static void checkDepth(CharSequence json) {
    if (tooDeep(json)) {
      throw DarsException.badRequest("json-too-deep",
          "The JSON body nests arrays and objects more than " + MAX_DEPTH + " levels deep; Dars documents need at most five.");
    }
  }

  /** The same check on UTF-8 bytes: brackets, quotes and backslashes never occur inside a multi-byte character. */
  public static void checkDepth(byte[] utf8) {
    checkDepth(new Latin1View(utf8));
  }

  /** For callers that refuse with a problem of their own, such as a release package. */
  public static boolean tooDeep(CharSequence json) {
    return depth(json) > MAX_DEPTH;
  }

  public static boolean tooDeep(byte[] utf8) {
    return tooDeep(new Latin1View(utf8));
  }

  /** The deepest nesting in the text, stopping early once past the limit; brackets inside strings don't count. */
  static int depth(CharSequence json) {
    int depth = 0;
    int deepest = 0;
    boolean inString = false;
    for (int i = 0; i < json.length() && deepest <= MAX_DEPTH; i++) {
      char c = json.charAt(i);
      if (inString) {
        if (c == '\\') {
          i++;
        } else if (c == '"') {
          inString = false;
        }
      } else if (c == '"') {
        inString = true;
      } else if (c == '[' || c == '{') {
        deepest = Math.max(deepest, ++depth);
      } else if (c == ']' || c == '}') {
        depth--;
      }
    }
    return deepest;
  }

  /** Bytes read as characters one for one, without copying them. */
  private record Latin1View(byte[] bytes) implements CharSequence {
    @Override
    public int length() {
      return bytes.length;
    }

    @Override
    public char charAt(int index) {
      return (char) (bytes[index] & 0xff);
    }

    @Override
    public CharSequence subSequence(int start, int end) {
      return new Latin1View(java.util.Arrays.copyOfRange(bytes, start, end));
    }

    @Override
    public String toString() {
      return new String(bytes, java.nio.charset.StandardCharsets.ISO_8859_1);
    }
  }
}
