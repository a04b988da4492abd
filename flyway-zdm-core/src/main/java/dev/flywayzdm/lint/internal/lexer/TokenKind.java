package dev.flywayzdm.lint.internal.lexer;

/** What a {@link Token} is, as far as a statement-level linter needs to know. */
public enum TokenKind {
  /** An unquoted identifier or keyword. */
  WORD,
  /** A {@code "quoted identifier"}. */
  QUOTED_IDENTIFIER,
  /** A string constant: {@code '...'}, {@code E'...'}, {@code U&'...'}, {@code B'...'}, {@code X'...'}. */
  STRING,
  /** A {@code $tag$...$tag$} body. */
  DOLLAR_STRING,
  NUMBER,
  /** A Flyway {@code ${placeholder}}, replaced before PostgreSQL sees the text. */
  PLACEHOLDER,
  /** A positional parameter such as {@code $1}. */
  PARAMETER,
  SEMICOLON,
  OPEN_PAREN,
  CLOSE_PAREN,
  COMMA,
  DOT,
  /** Any other operator or punctuation. */
  OPERATOR
}
