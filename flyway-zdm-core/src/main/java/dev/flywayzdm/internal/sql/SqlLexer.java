package dev.flywayzdm.internal.sql;

import java.util.ArrayList;
import java.util.List;

/**
 * A small PostgreSQL lexer: enough to split a script into statements and see its keywords without
 * being fooled by comments ({@code --}, nested block comments), string literals ({@code '...'},
 * {@code E'...'}, dollar quotes) or quoted identifiers. It does not parse: callers pattern-match on
 * the token stream of each statement.
 */
public final class SqlLexer {

  private SqlLexer() {}

  /** The statements of a script, each as its tokens without the terminating semicolon; empty statements dropped. */
  public static List<List<SqlToken>> statements(String sql) {
    List<List<SqlToken>> statements = new ArrayList<>();
    List<SqlToken> current = new ArrayList<>();
    for (SqlToken token : tokens(sql)) {
      if (token.isSymbol(';') && token.depth() == 0) {
        if (!current.isEmpty()) {
          statements.add(current);
        }
        current = new ArrayList<>();
      } else {
        current.add(token);
      }
    }
    if (!current.isEmpty()) {
      statements.add(current);
    }
    return statements;
  }

  /** All tokens of the text, comments dropped. An unterminated literal or comment runs to the end. */
  public static List<SqlToken> tokens(String sql) {
    List<SqlToken> tokens = new ArrayList<>();
    int depth = 0;
    int i = 0;
    int n = sql.length();
    while (i < n) {
      char c = sql.charAt(i);
      if (Character.isWhitespace(c)) {
        i++;
      } else if (c == '-' && next(sql, i) == '-') {
        int end = sql.indexOf('\n', i);
        i = end < 0 ? n : end + 1;
      } else if (c == '/' && next(sql, i) == '*') {
        i = skipBlockComment(sql, i);
      } else if (c == '\'') {
        int end = skipQuoted(sql, i, '\'', false);
        tokens.add(new SqlToken(SqlToken.Kind.STRING, sql.substring(i, end), depth));
        i = end;
      } else if ((c == 'e' || c == 'E') && next(sql, i) == '\'') {
        int end = skipQuoted(sql, i + 1, '\'', true);
        tokens.add(new SqlToken(SqlToken.Kind.STRING, sql.substring(i, end), depth));
        i = end;
      } else if (c == '"') {
        int end = skipQuoted(sql, i, '"', false);
        String inner = sql.substring(i + 1, Math.max(i + 1, end - 1)).replace("\"\"", "\"");
        tokens.add(new SqlToken(SqlToken.Kind.QUOTED_IDENTIFIER, inner, depth));
        i = end;
      } else if (c == '$' && dollarTag(sql, i) != null) {
        String tag = dollarTag(sql, i);
        int close = sql.indexOf(tag, i + tag.length());
        int end = close < 0 ? n : close + tag.length();
        tokens.add(new SqlToken(SqlToken.Kind.STRING, sql.substring(i, end), depth));
        i = end;
      } else if (Character.isLetter(c) || c == '_') {
        int end = i + 1;
        while (end < n && (Character.isLetterOrDigit(sql.charAt(end)) || sql.charAt(end) == '_' || sql.charAt(end) == '$')) {
          end++;
        }
        tokens.add(SqlToken.word(sql.substring(i, end), depth));
        i = end;
      } else if (Character.isDigit(c) || (c == '$' && i + 1 < n && Character.isDigit(sql.charAt(i + 1)))) {
        int end = i + 1;
        while (end < n && (Character.isLetterOrDigit(sql.charAt(end)) || sql.charAt(end) == '.')) {
          end++;
        }
        tokens.add(new SqlToken(SqlToken.Kind.NUMBER, sql.substring(i, end), depth));
        i = end;
      } else {
        if (c == ')') {
          depth = Math.max(0, depth - 1);
        }
        tokens.add(new SqlToken(SqlToken.Kind.SYMBOL, String.valueOf(c), depth));
        if (c == '(') {
          depth++;
        }
        i++;
      }
    }
    return tokens;
  }

  private static char next(String sql, int i) {
    return i + 1 < sql.length() ? sql.charAt(i + 1) : '\0';
  }

  private static int skipBlockComment(String sql, int start) {
    int nesting = 0;
    int i = start;
    while (i < sql.length()) {
      if (sql.startsWith("/*", i)) {
        nesting++;
        i += 2;
      } else if (sql.startsWith("*/", i)) {
        nesting--;
        i += 2;
        if (nesting == 0) {
          return i;
        }
      } else {
        i++;
      }
    }
    return sql.length();
  }

  /** Index just past the closing quote; a doubled quote is an escaped quote, and so is a backslash in E'...'. */
  private static int skipQuoted(String sql, int open, char quote, boolean backslashEscapes) {
    int i = open + 1;
    while (i < sql.length()) {
      char c = sql.charAt(i);
      if (backslashEscapes && c == '\\') {
        i += 2;
      } else if (c == quote && next(sql, i) == quote) {
        i += 2;
      } else if (c == quote) {
        return i + 1;
      } else {
        i++;
      }
    }
    return sql.length();
  }

  /** {@code $$} or {@code $tag$} starting at i, or null when the dollar is not an opening quote. */
  private static String dollarTag(String sql, int i) {
    int j = i + 1;
    while (j < sql.length() && (Character.isLetterOrDigit(sql.charAt(j)) || sql.charAt(j) == '_')) {
      j++;
    }
    if (j >= sql.length() || sql.charAt(j) != '$') {
      return null;
    }
    String tag = sql.substring(i, j + 1);
    return tag.length() > 2 && Character.isDigit(tag.charAt(1)) ? null : tag;
  }
}
