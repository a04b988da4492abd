package dev.flywayzdm.lint.internal.sql;

import dev.flywayzdm.lint.internal.lexer.Statement;
import dev.flywayzdm.lint.internal.lexer.TokenKind;

/**
 * A possibly schema-qualified object name read from a statement.
 *
 * <p>Objects are matched by their last part only: migrations often qualify with a Flyway
 * placeholder ({@code ${schema}.orders}) in one place and not in another.
 *
 * @param name the object's own name, folded as PostgreSQL folds it
 * @param next index of the first token after the name
 */
public record ObjectName(String name, int next) {

  /** Reads {@code a}, {@code a.b} or {@code a.b.c} at {@code i}; null when no identifier is there. */
  public static ObjectName at(Statement statement, int i) {
    if (i >= statement.size() || !statement.get(i).isIdentifier()) {
      return null;
    }
    String name = statement.get(i).identifier();
    int next = i + 1;
    while (next + 1 < statement.size() && statement.get(next).is(TokenKind.DOT)
        && statement.get(next + 1).isIdentifier()) {
      name = statement.get(next + 1).identifier();
      next += 2;
    }
    return new ObjectName(name, next);
  }

  /** Skips {@code IF EXISTS} / {@code IF NOT EXISTS} and {@code ONLY} before a name. */
  public static int skipModifiers(Statement statement, int i) {
    int at = i;
    if (statement.matchesAt(at, "IF", "NOT", "EXISTS")) {
      at += 3;
    } else if (statement.matchesAt(at, "IF", "EXISTS")) {
      at += 2;
    }
    if (statement.isWord(at, "ONLY")) {
      at++;
    }
    return at;
  }
}
