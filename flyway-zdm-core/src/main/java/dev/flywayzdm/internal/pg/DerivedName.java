package dev.flywayzdm.internal.pg;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Names flyway-zdm gives the objects it creates (triggers, functions, helper constraints,
 * supporting indexes), derived from the names they serve so that a rerun finds the same object.
 *
 * <p>{@code zdm_dw} + {@code users}, {@code name}, {@code display_name} gives
 * {@code zdm_dw_users_name_display_name}. A name that would exceed PostgreSQL's 63 bytes is cut at
 * a character boundary and ends in {@code _} + 8 hex digits of a hash of all parts, so two long
 * names that share a prefix still differ and the same inputs always give the same name.
 */
public final class DerivedName {

  private static final int HASH_CHARS = 8;

  private DerivedName() {}

  public static Identifier of(String prefix, String... parts) {
    StringBuilder joined = new StringBuilder(prefix);
    StringBuilder hashed = new StringBuilder(prefix);
    for (String part : parts) {
      joined.append('_').append(part);
      // NUL cannot occur in an identifier, so the hash input is unambiguous ("a_b","c" vs "a","b_c").
      hashed.append('\0').append(part);
    }
    String name = joined.toString();
    if (name.getBytes(StandardCharsets.UTF_8).length <= Identifier.MAX_BYTES) {
      return new Identifier(name);
    }
    String suffix = "_" + hash(hashed.toString());
    return new Identifier(cutToBytes(name, Identifier.MAX_BYTES - suffix.length()) + suffix);
  }

  private static String cutToBytes(String text, int maxBytes) {
    int bytes = 0;
    int end = 0;
    while (end < text.length()) {
      int codePoint = text.codePointAt(end);
      int width = new String(Character.toChars(codePoint)).getBytes(StandardCharsets.UTF_8).length;
      if (bytes + width > maxBytes) {
        break;
      }
      bytes += width;
      end += Character.charCount(codePoint);
    }
    return text.substring(0, end);
  }

  private static String hash(String text) {
    try {
      byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(digest).substring(0, HASH_CHARS);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is required of every Java runtime", e);
    }
  }
}
