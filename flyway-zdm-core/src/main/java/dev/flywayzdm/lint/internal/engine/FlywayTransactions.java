package dev.flywayzdm.lint.internal.engine;

import dev.flywayzdm.lint.internal.lexer.Statement;
import dev.flywayzdm.lint.internal.lexer.TokenKind;

/**
 * Which statements Flyway's PostgreSQL parser marks as non-transactional. A file runs outside a
 * transaction only when it holds such statements; one that also holds others is refused unless
 * {@code flyway.mixed=true}, and then runs in autocommit.
 */
final class FlywayTransactions {

  private FlywayTransactions() {}

  static boolean nonTransactional(Statement s, int targetMajor) {
    if (s.startsWith("CREATE", "INDEX", "CONCURRENTLY") || s.startsWith("CREATE", "UNIQUE", "INDEX", "CONCURRENTLY")
        || s.startsWith("DROP", "INDEX", "CONCURRENTLY") || s.startsWith("VACUUM")) {
      return true;
    }
    if (s.startsWith("REINDEX")) {
      int at = 1;
      if (s.size() > 1 && s.get(1).is(TokenKind.OPEN_PAREN)) {
        while (at < s.size() && !s.get(at).is(TokenKind.CLOSE_PAREN)) {
          at++;
        }
        at++;
      }
      return s.isWord(at, "SCHEMA") || s.isWord(at, "DATABASE") || s.isWord(at, "SYSTEM");
    }
    return targetMajor < 12 && s.startsWith("ALTER", "TYPE") && s.containsWord("ADD") && s.containsWord("VALUE");
  }

  static boolean beginsTransaction(Statement s) {
    return s.startsWith("BEGIN") || s.startsWith("START", "TRANSACTION");
  }

  static boolean endsTransaction(Statement s) {
    return s.startsWith("COMMIT") && !s.isWord(1, "PREPARED") || s.startsWith("END") || s.startsWith("ABORT")
        || s.startsWith("ROLLBACK") && !s.containsWord("TO") && !s.isWord(1, "PREPARED");
  }
}
