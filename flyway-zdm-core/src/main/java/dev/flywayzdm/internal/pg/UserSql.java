package dev.flywayzdm.internal.pg;

/**
 * A fragment of SQL a user writes on purpose (a CHECK expression, a conversion between two column
 * types, a column type): it is spliced into generated statements, so it is checked to be exactly
 * one fragment. Quotes, dollar quotes and comments must be closed, parentheses balanced, and no
 * {@code ;} may end the statement early, so the fragment cannot smuggle a second statement in or
 * swallow the SQL that follows it. Whether it means anything is for the server to say.
 */
public final class UserSql {

  private UserSql() {}

  /**
   * Returns the trimmed fragment, or throws naming {@code what} (e.g. "check expression of V7__x").
   */
  public static String fragment(String what, String text) {
    if (text == null || text.isBlank()) {
      throw new IllegalArgumentException(what + " must not be empty");
    }
    String sql = text.strip();
    int depth = 0;
    int i = 0;
    while (i < sql.length()) {
      char c = sql.charAt(i);
      if (c == '\'' || c == '"') {
        i = skipQuoted(what, sql, i, c);
      } else if (c == '-' && next(sql, i) == '-') {
        throw reject(what, sql, "contains a -- comment, which would hide the SQL generated after it");
      } else if (c == '/' && next(sql, i) == '*') {
        int close = sql.indexOf("*/", i + 2);
        if (close < 0) {
          throw reject(what, sql, "has an unterminated /* comment");
        }
        i = close + 2;
      } else if (c == '$' && dollarTagEnd(sql, i) > 0) {
        int tagEnd = dollarTagEnd(sql, i);
        String tag = sql.substring(i, tagEnd + 1);
        int close = sql.indexOf(tag, tagEnd + 1);
        if (close < 0) {
          throw reject(what, sql, "has an unterminated dollar quote " + tag);
        }
        i = close + tag.length();
      } else {
        if (c == '(') {
          depth++;
        } else if (c == ')' && --depth < 0) {
          throw reject(what, sql, "closes a parenthesis it did not open");
        } else if (c == ';') {
          throw reject(what, sql, "contains ';': it must be a single expression, not statements");
        }
        i++;
      }
    }
    if (depth != 0) {
      throw reject(what, sql, "has " + depth + " unclosed parenthesis");
    }
    return sql;
  }

  private static int skipQuoted(String what, String sql, int start, char quote) {
    int i = start + 1;
    while (i < sql.length()) {
      if (sql.charAt(i) == quote) {
        if (next(sql, i) == quote) {
          i += 2;
          continue;
        }
        return i + 1;
      }
      i++;
    }
    throw reject(what, sql, "has an unterminated " + (quote == '"' ? "double-quoted identifier" : "string literal"));
  }

  /** The index of the closing {@code $} of a dollar-quote tag starting at {@code start}, or -1. */
  private static int dollarTagEnd(String sql, int start) {
    if (start > 0 && (Character.isLetterOrDigit(sql.charAt(start - 1)) || sql.charAt(start - 1) == '_')) {
      return -1; // part of an identifier such as a$b, not a quote
    }
    for (int i = start + 1; i < sql.length(); i++) {
      char c = sql.charAt(i);
      if (c == '$') {
        return i;
      }
      if (!(Character.isLetter(c) || c == '_' || (i > start + 1 && Character.isDigit(c)))) {
        return -1;
      }
    }
    return -1;
  }

  private static char next(String sql, int i) {
    return i + 1 < sql.length() ? sql.charAt(i + 1) : '\0';
  }

  private static IllegalArgumentException reject(String what, String sql, String why) {
    String shown = sql.length() > 120 ? sql.substring(0, 120) + "..." : sql;
    return new IllegalArgumentException(what + " '" + shown + "' " + why);
  }
}
