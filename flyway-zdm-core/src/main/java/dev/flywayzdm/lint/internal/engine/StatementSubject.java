package dev.flywayzdm.lint.internal.engine;

import dev.flywayzdm.lint.internal.lexer.Statement;
import dev.flywayzdm.lint.internal.sql.DataChange;
import java.util.Locale;
import java.util.Optional;

/**
 * What a statement does to which table, e.g. {@code UPDATE} of {@code orders}: findings of one rule
 * with the same subject in one file are one problem told many times, and are reported once with a count.
 *
 * @param kind the statement's kind in upper case, e.g. {@code UPDATE} or {@code ALTER TABLE}
 * @param table the table it concerns, as the linter names tables
 */
public record StatementSubject(String kind, String table) {

  /** The subject of the context's statement, or null when it names no table. */
  static StatementSubject of(StatementContext context) {
    Statement s = context.statement();
    if (s.size() == 0) {
      return null;
    }
    DataChange change = DataChange.read(s);
    if (change != null) {
      return new StatementSubject(change.verb(), change.table());
    }
    Optional<TableLock> lock = TableLock.of(context);
    if (lock.isEmpty() || lock.get().object() == null) {
      return null;
    }
    String kind = s.size() > 1 && s.get(1).text().chars().allMatch(Character::isLetter)
        ? s.get(0).text() + " " + s.get(1).text() : s.get(0).text();
    return new StatementSubject(kind.toUpperCase(Locale.ROOT), lock.get().object());
  }

  /** {@code 14 more UPDATEs of orders}. */
  String more(int count) {
    return count + " more " + kind + (count == 1 ? "" : "s") + " of " + table;
  }
}
