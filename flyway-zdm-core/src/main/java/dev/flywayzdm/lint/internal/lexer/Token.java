package dev.flywayzdm.lint.internal.lexer;

import java.util.Locale;

/**
 * One lexical token with its place in the file.
 *
 * @param kind what it is
 * @param text the source text of the token
 * @param value the unescaped content of a string, quoted identifier or dollar body; the text otherwise
 * @param offset where the token starts in the lexed text
 * @param line 1-based line in the file
 * @param column 1-based column in the file
 * @param valueLine line of the first character of {@code value} (dollar bodies are re-lexed from there)
 * @param valueColumn column of the first character of {@code value}
 */
public record Token(
    TokenKind kind, String text, String value, int offset, int line, int column, int valueLine, int valueColumn) {

  /** Whether this is the unquoted keyword or identifier {@code word} (case-insensitive). */
  public boolean isWord(String word) {
    return kind == TokenKind.WORD && text.equalsIgnoreCase(word);
  }

  /** Upper-cased text of a word; the text itself for anything else. */
  public String upper() {
    return kind == TokenKind.WORD ? text.toUpperCase(Locale.ROOT) : text;
  }

  /** Whether the token can name a database object. */
  public boolean isIdentifier() {
    return kind == TokenKind.WORD || kind == TokenKind.QUOTED_IDENTIFIER || kind == TokenKind.PLACEHOLDER;
  }

  /** The object name this token denotes: folded to lower case unless quoted, as PostgreSQL does. */
  public String identifier() {
    return kind == TokenKind.QUOTED_IDENTIFIER ? value : text.toLowerCase(Locale.ROOT);
  }

  public boolean is(TokenKind other) {
    return kind == other;
  }
}
