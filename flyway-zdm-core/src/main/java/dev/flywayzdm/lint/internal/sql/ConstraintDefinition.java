package dev.flywayzdm.lint.internal.sql;

import dev.flywayzdm.lint.internal.lexer.Statement;
import dev.flywayzdm.lint.internal.lexer.TokenKind;
import java.util.List;

/**
 * A table constraint as written after {@code ADD} in {@code ALTER TABLE}.
 *
 * @param kind what sort of constraint
 * @param name its name, or null when PostgreSQL picks one
 * @param notValid whether it ends with NOT VALID
 * @param usingIndex whether a UNIQUE or PRIMARY KEY adopts an existing index
 * @param notNullColumn for {@code CHECK (c IS NOT NULL)} and {@code NOT NULL c}: the column; else null
 * @param columns for a primary key, unique constraint or foreign key: its leading plain columns; else empty
 */
public record ConstraintDefinition(
    Kind kind, String name, boolean notValid, boolean usingIndex, String notNullColumn, List<String> columns) {

  public enum Kind { CHECK, FOREIGN_KEY, UNIQUE, PRIMARY_KEY, EXCLUDE, NOT_NULL }

  /** Reads the constraint of an ADD action ({@code ADD [CONSTRAINT name] ...}); null if it is not one. */
  public static ConstraintDefinition read(Statement action) {
    int i = 1;
    String name = null;
    if (action.isWord(i, "CONSTRAINT")) {
      ObjectName constraintName = ObjectName.at(action, i + 1);
      if (constraintName == null) {
        return null;
      }
      name = constraintName.name();
      i = constraintName.next();
    }
    Kind kind;
    if (action.isWord(i, "CHECK")) {
      kind = Kind.CHECK;
    } else if (action.matchesAt(i, "FOREIGN", "KEY")) {
      kind = Kind.FOREIGN_KEY;
    } else if (action.isWord(i, "UNIQUE")) {
      kind = Kind.UNIQUE;
    } else if (action.matchesAt(i, "PRIMARY", "KEY")) {
      kind = Kind.PRIMARY_KEY;
    } else if (action.isWord(i, "EXCLUDE")) {
      kind = Kind.EXCLUDE;
    } else if (action.matchesAt(i, "NOT", "NULL")) {
      kind = Kind.NOT_NULL;
    } else {
      return null;
    }
    int last = action.size() - 1;
    boolean notValid = action.isWord(last, "VALID") && action.isWord(last - 1, "NOT");
    boolean usingIndex = (kind == Kind.UNIQUE || kind == Kind.PRIMARY_KEY)
        && action.indexOfWord("USING", i) >= 0 && action.isWord(action.indexOfWord("USING", i) + 1, "INDEX")
        && !action.get(action.indexOfWord("USING", i) - 1).is(TokenKind.CLOSE_PAREN);
    List<String> columns = kind == Kind.PRIMARY_KEY || kind == Kind.UNIQUE || kind == Kind.FOREIGN_KEY
        ? ColumnList.leading(action, i) : List.of();
    return new ConstraintDefinition(kind, name, notValid, usingIndex, notNullColumn(action, kind, i), columns);
  }

  private static String notNullColumn(Statement action, Kind kind, int at) {
    if (kind == Kind.NOT_NULL) {
      ObjectName column = ObjectName.at(action, at + 2);
      return column == null ? null : column.name();
    }
    if (kind != Kind.CHECK) {
      return null;
    }
    // CHECK ( col IS NOT NULL ), with any number of wrapping parentheses
    int i = at + 1;
    int open = 0;
    while (i < action.size() && action.get(i).is(TokenKind.OPEN_PAREN)) {
      open++;
      i++;
    }
    if (open == 0 || i >= action.size() || !action.get(i).isIdentifier()
        || !action.matchesAt(i + 1, "IS", "NOT", "NULL")) {
      return null;
    }
    int close = i + 4;
    for (int k = 0; k < open; k++, close++) {
      if (close >= action.size() || !action.get(close).is(TokenKind.CLOSE_PAREN)) {
        return null;
      }
    }
    return action.get(i).identifier();
  }
}
