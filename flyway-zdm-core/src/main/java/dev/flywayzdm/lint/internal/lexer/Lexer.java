package dev.flywayzdm.lint.internal.lexer;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Reads PostgreSQL SQL text (with Flyway placeholders) into tokens and comments.
 *
 * <p>Knows exactly what can hide a semicolon: {@code --} and nested block comments, standard and
 * {@code E''} strings, quoted identifiers and dollar-quoted bodies. Never throws on bad input: an
 * unterminated construct ends lexing with a {@link LexError} that names where it started.
 */
public final class Lexer {

  private final String text;
  private final List<Token> tokens = new ArrayList<>();
  private final List<Comment> comments = new ArrayList<>();
  private int pos;
  private int line;
  private int column;

  private Lexer(String text, int startLine, int startColumn) {
    this.text = text;
    this.line = startLine;
    this.column = startColumn;
  }

  /** Lexes a whole file. */
  public static LexResult lex(String text) {
    return lex(text, 1, 1);
  }

  /** Lexes text that starts at the given place of a file (a function body, say). */
  public static LexResult lex(String text, int startLine, int startColumn) {
    return new Lexer(text, startLine, startColumn).run();
  }

  private LexResult run() {
    LexError error = null;
    while (pos < text.length() && error == null) {
      error = next();
    }
    return new LexResult(List.copyOf(tokens), List.copyOf(comments), Optional.ofNullable(error));
  }

  /** Reads one token or comment; returns the error that ends lexing, or null. */
  private LexError next() {
    char c = text.charAt(pos);
    if (Character.isWhitespace(c)) {
      advanceTo(pos + 1);
      return null;
    }
    if (c == '-' && peek(1) == '-') {
      return lineComment();
    }
    if (c == '/' && peek(1) == '*') {
      return blockComment();
    }
    if (c == '\'') {
      return string(pos, pos, false);
    }
    if ((c == 'E' || c == 'e') && peek(1) == '\'') {
      return string(pos, pos + 1, true);
    }
    if ((c == 'B' || c == 'b' || c == 'X' || c == 'x' || c == 'N' || c == 'n') && peek(1) == '\'') {
      return string(pos, pos + 1, false);
    }
    if ((c == 'U' || c == 'u') && peek(1) == '&' && peek(2) == '\'') {
      return string(pos, pos + 2, false);
    }
    if ((c == 'U' || c == 'u') && peek(1) == '&' && peek(2) == '"') {
      return quotedIdentifier(pos, pos + 2);
    }
    if (c == '"') {
      return quotedIdentifier(pos, pos);
    }
    if (c == '$') {
      return dollar();
    }
    if (isWordStart(c)) {
      int end = pos + 1;
      while (end < text.length() && isWordPart(text.charAt(end))) {
        end++;
      }
      emit(TokenKind.WORD, end);
      return null;
    }
    if (Character.isDigit(c) || (c == '.' && Character.isDigit(peek(1)))) {
      number();
      return null;
    }
    switch (c) {
      case ';' -> emit(TokenKind.SEMICOLON, pos + 1);
      case '(' -> emit(TokenKind.OPEN_PAREN, pos + 1);
      case ')' -> emit(TokenKind.CLOSE_PAREN, pos + 1);
      case ',' -> emit(TokenKind.COMMA, pos + 1);
      case '.' -> emit(TokenKind.DOT, pos + 1);
      default -> emit(TokenKind.OPERATOR, pos + operatorLength());
    }
    return null;
  }

  private int operatorLength() {
    String two = pos + 2 <= text.length() ? text.substring(pos, pos + 2) : "";
    return switch (two) {
      case "::", ":=", "=>", "<<", ">>", "<=", ">=", "<>", "!=", "||" -> 2;
      default -> 1;
    };
  }

  private LexError lineComment() {
    int end = text.indexOf('\n', pos);
    end = end < 0 ? text.length() : end;
    comments.add(new Comment(text.substring(pos + 2, end), true, pos, line, column));
    advanceTo(end);
    return null;
  }

  private LexError blockComment() {
    int startLine = line;
    int startColumn = column;
    int depth = 0;
    int i = pos;
    while (i < text.length()) {
      if (text.startsWith("/*", i)) {
        depth++;
        i += 2;
      } else if (text.startsWith("*/", i)) {
        depth--;
        i += 2;
        if (depth == 0) {
          comments.add(new Comment(text.substring(pos + 2, i - 2), false, pos, startLine, startColumn));
          advanceTo(i);
          return null;
        }
      } else {
        i++;
      }
    }
    return unterminated("block comment", startLine, startColumn);
  }

  /** A string constant; {@code quote} is where its opening quote is. */
  private LexError string(int start, int quote, boolean backslashEscapes) {
    int startLine = line;
    int startColumn = column;
    StringBuilder value = new StringBuilder();
    int i = quote + 1;
    while (i < text.length()) {
      char c = text.charAt(i);
      if (c == '\\' && backslashEscapes && i + 1 < text.length()) {
        value.append(unescape(text.charAt(i + 1)));
        i += 2;
      } else if (c == '\'') {
        if (i + 1 < text.length() && text.charAt(i + 1) == '\'') {
          value.append('\'');
          i += 2;
        } else {
          int valueLine = startLine;
          int valueColumn = startColumn + (quote + 1 - start);
          tokens.add(new Token(TokenKind.STRING, text.substring(start, i + 1), value.toString(),
              start, startLine, startColumn, valueLine, valueColumn));
          advanceTo(i + 1);
          return null;
        }
      } else {
        value.append(c);
        i++;
      }
    }
    return unterminated("string constant", startLine, startColumn);
  }

  private static char unescape(char c) {
    return switch (c) {
      case 'n' -> '\n';
      case 't' -> '\t';
      case 'r' -> '\r';
      case 'b' -> '\b';
      case 'f' -> '\f';
      default -> c;
    };
  }

  private LexError quotedIdentifier(int start, int quote) {
    int startLine = line;
    int startColumn = column;
    StringBuilder value = new StringBuilder();
    int i = quote + 1;
    while (i < text.length()) {
      char c = text.charAt(i);
      if (c == '"') {
        if (i + 1 < text.length() && text.charAt(i + 1) == '"') {
          value.append('"');
          i += 2;
          continue;
        }
        emitWithValue(TokenKind.QUOTED_IDENTIFIER, i + 1, value.toString(), line, column + (quote + 1 - start));
        return null;
      }
      value.append(c);
      i++;
    }
    return unterminated("quoted identifier", startLine, startColumn);
  }

  private LexError dollar() {
    char next = peek(1);
    if (next == '{') {
      int end = text.indexOf('}', pos);
      int newline = text.indexOf('\n', pos);
      if (end > 0 && (newline < 0 || end < newline)) {
        emit(TokenKind.PLACEHOLDER, end + 1);
        return null;
      }
      return unterminated("Flyway placeholder", line, column);
    }
    if (Character.isDigit(next)) {
      int end = pos + 1;
      while (end < text.length() && Character.isDigit(text.charAt(end))) {
        end++;
      }
      emit(TokenKind.PARAMETER, end);
      return null;
    }
    int tagEnd = pos + 1;
    if (tagEnd < text.length() && isWordStart(text.charAt(tagEnd))) {
      tagEnd++;
      while (tagEnd < text.length() && isTagPart(text.charAt(tagEnd))) {
        tagEnd++;
      }
    }
    if (tagEnd >= text.length() || text.charAt(tagEnd) != '$') {
      emit(TokenKind.OPERATOR, pos + 1);
      return null;
    }
    String tag = text.substring(pos, tagEnd + 1);
    int bodyStart = tagEnd + 1;
    int close = text.indexOf(tag, bodyStart);
    if (close < 0) {
      return unterminated("dollar-quoted string " + tag, line, column);
    }
    int startLine = line;
    int startColumn = column;
    advanceTo(bodyStart);
    int valueLine = line;
    int valueColumn = column;
    int tokenStart = bodyStart - tag.length();
    tokens.add(new Token(TokenKind.DOLLAR_STRING, text.substring(tokenStart, close + tag.length()),
        text.substring(bodyStart, close), tokenStart, startLine, startColumn, valueLine, valueColumn));
    advanceTo(close + tag.length());
    return null;
  }

  private void number() {
    int end = pos;
    boolean dot = false;
    while (end < text.length()) {
      char c = text.charAt(end);
      if (Character.isDigit(c) || c == '_') {
        end++;
      } else if (c == '.' && !dot && !(end + 1 < text.length() && text.charAt(end + 1) == '.')) {
        dot = true;
        end++;
      } else if ((c == 'e' || c == 'E') && end + 1 < text.length()
          && (Character.isDigit(text.charAt(end + 1)) || text.charAt(end + 1) == '-' || text.charAt(end + 1) == '+')) {
        end += 2;
      } else {
        break;
      }
    }
    emit(TokenKind.NUMBER, end);
  }

  private LexError unterminated(String what, int startLine, int startColumn) {
    advanceTo(text.length());
    return new LexError("unterminated " + what + " starting here", startLine, startColumn);
  }

  private void emit(TokenKind kind, int end) {
    String tokenText = text.substring(pos, end);
    tokens.add(new Token(kind, tokenText, tokenText, pos, line, column, line, column));
    advanceTo(end);
  }

  private void emitWithValue(TokenKind kind, int end, String value, int valueLine, int valueColumn) {
    tokens.add(new Token(kind, text.substring(pos, end), value, pos, line, column, valueLine, valueColumn));
    advanceTo(end);
  }

  private void advanceTo(int target) {
    while (pos < target) {
      if (text.charAt(pos) == '\n') {
        line++;
        column = 1;
      } else {
        column++;
      }
      pos++;
    }
  }

  private char peek(int ahead) {
    int i = pos + ahead;
    return i < text.length() ? text.charAt(i) : '\0';
  }

  private static boolean isWordStart(char c) {
    return Character.isLetter(c) || c == '_' || c > 127;
  }

  private static boolean isWordPart(char c) {
    return Character.isLetterOrDigit(c) || c == '_' || c == '$' || c > 127;
  }

  private static boolean isTagPart(char c) {
    return Character.isLetterOrDigit(c) || c == '_' || c > 127;
  }
}
