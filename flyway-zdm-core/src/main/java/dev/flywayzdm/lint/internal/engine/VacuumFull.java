package dev.flywayzdm.lint.internal.engine;

import dev.flywayzdm.lint.internal.lexer.Statement;
import dev.flywayzdm.lint.internal.lexer.TokenKind;

/** Recognises {@code VACUUM FULL} in its old ({@code VACUUM FULL t}) and new ({@code VACUUM (FULL) t}) forms. */
final class VacuumFull {

  private VacuumFull() {}

  static boolean is(Statement s) {
    if (!s.startsWith("VACUUM")) {
      return false;
    }
    if (s.isWord(1, "FULL")) {
      return true;
    }
    if (s.size() > 1 && s.get(1).is(TokenKind.OPEN_PAREN)) {
      for (int i = 2; i < s.size() && !s.get(i).is(TokenKind.CLOSE_PAREN); i++) {
        if (s.get(i).isWord("FULL")) {
          boolean off = s.isWord(i + 1, "FALSE") || s.isWord(i + 1, "OFF")
              || i + 1 < s.size() && s.get(i + 1).text().equals("0");
          return !off;
        }
      }
    }
    return false;
  }
}
