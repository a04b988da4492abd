package dev.flywayzdm.lint.internal.engine;

import dev.flywayzdm.lint.internal.lexer.Statement;
import dev.flywayzdm.lint.internal.lexer.Token;
import dev.flywayzdm.lint.internal.lexer.TokenKind;
import dev.flywayzdm.lint.internal.sql.ColumnDefinition;
import dev.flywayzdm.lint.internal.sql.ColumnList;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** The column definitions and table constraints inside {@code CREATE TABLE name ( ... )}. */
final class TableElements {

  private static final Set<String> NOT_COLUMNS = Set.of(
      "CONSTRAINT", "PRIMARY", "UNIQUE", "CHECK", "FOREIGN", "EXCLUDE", "LIKE");

  private TableElements() {}

  /** The column definitions, given the index of the opening parenthesis. */
  static List<ColumnDefinition> columns(Statement s, int open) {
    List<ColumnDefinition> columns = new ArrayList<>();
    for (int[] element : elements(s, open)) {
      Token first = s.get(element[0]);
      if (element[1] > element[0] + 1 && first.isIdentifier()
          && !(first.is(TokenKind.WORD) && NOT_COLUMNS.contains(first.upper()))) {
        columns.add(ColumnDefinition.read(s.tokens(), element[0], element[1]));
      }
    }
    return columns;
  }

  /** The single column of a table-level {@code PRIMARY KEY (col)}, or null. */
  /** The column lists of table-level PRIMARY KEY and UNIQUE constraints (each builds an index). */
  static List<List<String>> keyColumns(Statement s, int open) {
    List<List<String>> keys = new ArrayList<>();
    for (int[] element : elements(s, open)) {
      int at = s.isWord(element[0], "CONSTRAINT") ? element[0] + 2 : element[0];
      if (s.matchesAt(at, "PRIMARY", "KEY") || s.isWord(at, "UNIQUE")) {
        List<String> columns = ColumnList.leading(s, at);
        if (!columns.isEmpty()) {
          keys.add(columns);
        }
      }
    }
    return keys;
  }

  static String primaryKeyColumn(Statement s, int open) {
    for (int[] element : elements(s, open)) {
      int at = s.isWord(element[0], "CONSTRAINT") ? element[0] + 2 : element[0];
      if (s.matchesAt(at, "PRIMARY", "KEY") && at + 4 < element[1]
          && s.get(at + 2).is(TokenKind.OPEN_PAREN) && s.get(at + 4).is(TokenKind.CLOSE_PAREN)) {
        return s.get(at + 3).identifier();
      }
    }
    return null;
  }

  /** [start, end) token ranges of the comma-separated elements. */
  private static List<int[]> elements(Statement s, int open) {
    List<int[]> ranges = new ArrayList<>();
    int depth = 0;
    int start = open + 1;
    for (int i = open; i < s.size(); i++) {
      Token token = s.get(i);
      if (token.is(TokenKind.OPEN_PAREN)) {
        depth++;
      } else if (token.is(TokenKind.CLOSE_PAREN)) {
        depth--;
        if (depth == 0) {
          if (i > start) {
            ranges.add(new int[] {start, i});
          }
          break;
        }
      } else if (depth == 1 && token.is(TokenKind.COMMA)) {
        ranges.add(new int[] {start, i});
        start = i + 1;
      }
    }
    return ranges;
  }
}
