package dev.flywayzdm.lint.internal.sql;

import dev.flywayzdm.lint.internal.lexer.Statement;
import dev.flywayzdm.lint.internal.lexer.TokenKind;

/**
 * An {@code UPDATE} or {@code DELETE} statement.
 *
 * @param table the table whose rows change
 * @param filtered whether it has a top-level WHERE clause
 */
public record DataChange(String verb, String table, boolean filtered) {

  /** Reads {@code UPDATE [ONLY] t ...} or {@code DELETE FROM [ONLY] t ...}; null for anything else. */
  public static DataChange read(Statement s) {
    int at;
    if (s.startsWith("UPDATE")) {
      at = 1;
    } else if (s.startsWith("DELETE", "FROM")) {
      at = 2;
    } else {
      return null;
    }
    ObjectName table = ObjectName.at(s, ObjectName.skipModifiers(s, at));
    if (table == null) {
      return null;
    }
    int depth = 0;
    boolean where = false;
    for (int i = table.next(); i < s.size(); i++) {
      if (s.get(i).is(TokenKind.OPEN_PAREN)) {
        depth++;
      } else if (s.get(i).is(TokenKind.CLOSE_PAREN)) {
        depth--;
      } else if (depth == 0 && s.get(i).isWord("WHERE")) {
        where = true;
        break;
      }
    }
    return new DataChange(s.first().upper(), table.name(), where);
  }
}
