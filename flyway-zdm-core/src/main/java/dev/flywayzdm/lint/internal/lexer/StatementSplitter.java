package dev.flywayzdm.lint.internal.lexer;

import java.util.ArrayList;
import java.util.List;

/**
 * Cuts a token stream into statements at top-level semicolons.
 *
 * <p>A SQL-standard routine body ({@code BEGIN ATOMIC ... END}, PostgreSQL 14+) holds semicolons
 * of its own and stays one statement.
 */
public final class StatementSplitter {

  private StatementSplitter() {}

  public static List<Statement> split(List<Token> tokens, Statement.Origin origin) {
    List<Statement> statements = new ArrayList<>();
    List<Token> current = new ArrayList<>();
    int atomicDepth = 0;
    for (Token token : tokens) {
      if (token.isWord("ATOMIC") && !current.isEmpty() && current.get(current.size() - 1).isWord("BEGIN")) {
        atomicDepth = 1;
      } else if (atomicDepth > 0 && token.isWord("CASE")) {
        atomicDepth++;
      } else if (atomicDepth > 0 && token.isWord("END")) {
        atomicDepth--;
      }
      // Parentheses are not tracked on purpose: one missing ')' must not swallow the rest of the file.
      if (token.kind() == TokenKind.SEMICOLON && atomicDepth == 0) {
        if (!current.isEmpty()) {
          statements.add(new Statement(List.copyOf(current), origin));
          current.clear();
        }
      } else {
        current.add(token);
      }
    }
    if (!current.isEmpty()) {
      statements.add(new Statement(List.copyOf(current), origin));
    }
    return statements;
  }
}
