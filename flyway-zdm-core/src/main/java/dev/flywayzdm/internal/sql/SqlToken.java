package dev.flywayzdm.internal.sql;

import java.util.Locale;

/**
 * One lexical token of PostgreSQL SQL. Comments never become tokens; string literals and quoted
 * identifiers keep their kind so that {@code 'drop table'} or {@code "type"} are never read as keywords.
 *
 * @param kind what the token is
 * @param text the token as written (for a {@link Kind#WORD}, lower-cased)
 * @param depth parenthesis depth at the token (0 = top level of the statement)
 */
public record SqlToken(Kind kind, String text, int depth) {

  /** Token kinds the classifiers care about. */
  public enum Kind {
    /** An unquoted keyword or identifier, lower-cased as PostgreSQL folds it. */
    WORD,
    /** A double-quoted identifier, unquoted. */
    QUOTED_IDENTIFIER,
    /** A string literal in any form: '..', E'..', $tag$..$tag$. */
    STRING,
    /** A number or positional parameter. */
    NUMBER,
    /** Any other single character: ; , ( ) . = ... */
    SYMBOL
  }

  static SqlToken word(String text, int depth) {
    return new SqlToken(Kind.WORD, text.toLowerCase(Locale.ROOT), depth);
  }

  /** Whether this is the unquoted keyword {@code keyword} (lower case). */
  public boolean is(String keyword) {
    return kind == Kind.WORD && text.equals(keyword);
  }

  /** Whether this is the symbol {@code c}. */
  public boolean isSymbol(char c) {
    return kind == Kind.SYMBOL && text.length() == 1 && text.charAt(0) == c;
  }

  /** A name: an unquoted word or a quoted identifier. */
  public boolean isName() {
    return kind == Kind.WORD || kind == Kind.QUOTED_IDENTIFIER;
  }
}
