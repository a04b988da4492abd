package dev.flywayzdm.internal.pg;

import java.util.regex.Pattern;

/**
 * One element of an index's key list, as SQL: a quoted column, or a parenthesised expression (user
 * SQL), optionally followed by an operator class and ordering ({@code text_pattern_ops},
 * {@code DESC NULLS LAST}).
 */
public record IndexKey(String sql) {

  private static final Pattern OPTIONS = Pattern.compile("[A-Za-z0-9_. ]+");

  /** A column, taken literally and quoted. */
  public static IndexKey column(String name) {
    return new IndexKey(Identifier.of("index column", name).quoted());
  }

  /** A column with an operator class and/or ordering, e.g. {@code column("created_at", "DESC")}. */
  public static IndexKey column(String name, String options) {
    return new IndexKey(column(name).sql() + " " + options(options));
  }

  /** An expression such as {@code lower(email)}: user SQL, wrapped in parentheses. */
  public static IndexKey expression(String sql) {
    if (sql == null || sql.isBlank()) {
      throw new IllegalArgumentException("an index expression must not be empty");
    }
    return new IndexKey("(" + sql.strip() + ")");
  }

  private static String options(String options) {
    if (options == null || !OPTIONS.matcher(options).matches() || options.isBlank()) {
      throw new IllegalArgumentException("invalid index column options '" + options
          + "': expected an operator class and/or ASC|DESC [NULLS FIRST|LAST], e.g. \"DESC NULLS LAST\"");
    }
    return options.strip();
  }

  @Override
  public String toString() {
    return sql;
  }
}
