package org.dars.storage;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.regex.Pattern;

/** A SHA-256 digest, the identity of a blob. Always 64 lower-case hex digits. */
public record Sha256(String hex) {
  private static final Pattern HEX = Pattern.compile("[0-9a-f]{64}");

  public Sha256 {
    if (hex == null || !HEX.matcher(hex).matches()) {
      throw new IllegalArgumentException("Not a SHA-256 digest: " + hex);
    }
  }

  public static Sha256 of(byte[] digest) {
    return new Sha256(HexFormat.of().formatHex(digest));
  }

  public static Sha256 ofBytes(byte[] content) {
    return of(newDigest().digest(content));
  }

  public byte[] bytes() {
    return HexFormat.of().parseHex(hex);
  }

  static MessageDigest newDigest() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("Every Java runtime has SHA-256", e);
    }
  }

  @Override
  public String toString() {
    return hex;
  }
}
