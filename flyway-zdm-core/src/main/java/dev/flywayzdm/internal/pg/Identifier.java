package dev.flywayzdm.internal.pg;

import java.nio.charset.StandardCharsets;

/**
 * One PostgreSQL identifier (a schema, table, column, index, constraint, trigger or function name)
 * exactly as stored in the catalog, always quoted when written into SQL.
 *
 * <p>Names are taken literally: {@code Orders} is the table {@code "Orders"}, not {@code orders}.
 * Anything a user passes as a name is validated here and can only ever be a quoted identifier.
 */
public record Identifier(String name) {

  /** PostgreSQL's NAMEDATALEN - 1: longer names are silently truncated by the server. */
  public static final int MAX_BYTES = 63;

  public Identifier {
    if (name == null || name.isEmpty()) {
      throw new IllegalArgumentException("an identifier must not be empty");
    }
    if (name.indexOf('\0') >= 0) {
      throw new IllegalArgumentException("identifier " + printable(name) + " contains a NUL character");
    }
    int bytes = name.getBytes(StandardCharsets.UTF_8).length;
    if (bytes > MAX_BYTES) {
      throw new IllegalArgumentException("identifier " + printable(name) + " is " + bytes
          + " bytes long; PostgreSQL truncates names to " + MAX_BYTES + " bytes, so use a shorter name");
    }
  }

  /** Validates a name given for {@code what} (e.g. "column"), naming it in the error. */
  public static Identifier of(String what, String name) {
    try {
      return new Identifier(name);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("invalid " + what + " name: " + e.getMessage(), e);
    }
  }

  /** The identifier as SQL: double-quoted, embedded quotes doubled. */
  public String quoted() {
    return '"' + name.replace("\"", "\"\"") + '"';
  }

  @Override
  public String toString() {
    return quoted();
  }

  private static String printable(String name) {
    String shown = name.length() > 80 ? name.substring(0, 80) + "..." : name;
    return "'" + shown.replace("\0", "\\0") + "'";
  }
}
