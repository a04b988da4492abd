package dev.flywayzdm.lint.internal.sql;

import dev.flywayzdm.lint.internal.lexer.Statement;
import dev.flywayzdm.lint.internal.lexer.TokenKind;
import java.util.ArrayList;
import java.util.List;

/**
 * The leading plain columns of a parenthesised column list such as an index's {@code (a, b DESC, lower(c))}
 * or a key's {@code (a, b)}: reading stops at the first expression, since only plain leading columns tell
 * which lookups an index serves.
 */
public final class ColumnList {

  private ColumnList() {}

  /** The leading plain columns of the first parenthesised list at or after {@code from}; empty when none. */
  public static List<String> leading(Statement s, int from) {
    int open = from;
    while (open < s.size() && !s.get(open).is(TokenKind.OPEN_PAREN)) {
      open++;
    }
    List<String> columns = new ArrayList<>();
    int i = open + 1;
    while (i < s.size() && s.get(i).isIdentifier()) {
      int next = i + 1;
      // a column may carry COLLATE, an operator class, ASC/DESC, NULLS FIRST/LAST: skip to the comma
      while (next < s.size() && s.get(next).is(TokenKind.WORD) && !s.get(next).is(TokenKind.COMMA)) {
        next++;
      }
      if (next >= s.size() || s.get(next).is(TokenKind.OPEN_PAREN) || s.get(next).is(TokenKind.DOT)
          || s.get(next).is(TokenKind.OPERATOR)) {
        break;
      }
      columns.add(s.get(i).identifier());
      if (!s.get(next).is(TokenKind.COMMA)) {
        break;
      }
      i = next + 1;
    }
    return columns;
  }
}
