package dev.flywayzdm.lint.internal.engine;

import dev.flywayzdm.lint.internal.lexer.Statement;
import dev.flywayzdm.lint.internal.lexer.TokenKind;
import dev.flywayzdm.lint.internal.sql.AlterAction;
import dev.flywayzdm.lint.internal.sql.AlterTable;
import dev.flywayzdm.lint.internal.sql.LockMode;
import dev.flywayzdm.lint.internal.sql.ObjectName;
import dev.flywayzdm.lint.internal.sql.TriggerDdl;
import java.util.Optional;
import java.util.Set;

/**
 * The strongest table lock a statement takes, from PostgreSQL's documentation of each command.
 *
 * @param object the locked table as named in the statement; for DROP/REINDEX INDEX the index's table when
 *     an earlier migration shows it, else the index
 * @param mode the lock mode
 * @param existing whether the object existed before this run, i.e. may be large and in use
 */
public record TableLock(String object, LockMode mode, boolean existing) {

  /** The lock of the statement, if it takes one stronger than ROW EXCLUSIVE. */
  public static Optional<TableLock> of(StatementContext context) {
    Statement s = context.statement();
    Schema schema = context.schema();
    AlterTable alter = context.alterTable();
    if (alter != null) {
      LockMode mode = LockMode.ACCESS_SHARE;
      for (AlterAction action : alter.actions()) {
        mode = mode.max(action.lock());
      }
      return Optional.of(new TableLock(alter.table(), mode, context.existing(alter.table())));
    }
    if (s.startsWith("CREATE", "INDEX") || s.startsWith("CREATE", "UNIQUE", "INDEX")) {
      int on = s.indexOfWord("ON", 2);
      ObjectName table = on < 0 ? null : ObjectName.at(s, ObjectName.skipModifiers(s, on + 1));
      String name = table == null ? null : table.name();
      LockMode mode = s.containsWord("CONCURRENTLY") ? LockMode.SHARE_UPDATE_EXCLUSIVE : LockMode.SHARE;
      return Optional.of(new TableLock(name, mode, context.existing(name)));
    }
    if (s.startsWith("DROP", "INDEX")) {
      int at = s.isWord(2, "CONCURRENTLY") ? 3 : 2;
      ObjectName index = ObjectName.at(s, ObjectName.skipModifiers(s, at));
      String name = index == null ? null : index.name();
      LockMode mode = at == 3 ? LockMode.SHARE_UPDATE_EXCLUSIVE : LockMode.ACCESS_EXCLUSIVE;
      String locked = name == null ? null : schema.indexTable(name).orElse(name);
      return Optional.of(new TableLock(locked, mode, name != null && !schema.isNewIndex(name)));
    }
    if (s.startsWith("DROP", "TABLE") || s.startsWith("TRUNCATE")) {
      int at = s.isWord(1, "TABLE") ? 2 : 1;
      ObjectName table = ObjectName.at(s, ObjectName.skipModifiers(s, at));
      String name = table == null ? null : table.name();
      return Optional.of(new TableLock(name, LockMode.ACCESS_EXCLUSIVE, context.existing(name)));
    }
    if (s.startsWith("LOCK")) {
      ObjectName table = ObjectName.at(s, ObjectName.skipModifiers(s, s.isWord(1, "TABLE") ? 2 : 1));
      String name = table == null ? null : table.name();
      return Optional.of(new TableLock(name, lockTableMode(s), context.existing(name)));
    }
    if (s.startsWith("CLUSTER") || s.startsWith("VACUUM") && VacuumFull.is(s)) {
      ObjectName table = lastName(s);
      String name = table == null ? null : table.name();
      return Optional.of(new TableLock(name, LockMode.ACCESS_EXCLUSIVE, context.existing(name)));
    }
    if (s.startsWith("REINDEX") && !s.containsWord("CONCURRENTLY")) {
      ObjectName target = lastName(s);
      String name = target == null ? null : target.name();
      boolean index = s.containsWord("INDEX");
      boolean existing = name != null && (index ? !schema.isNewIndex(name) : context.existing(name));
      return Optional.of(new TableLock(name, index ? LockMode.ACCESS_EXCLUSIVE : LockMode.SHARE, existing));
    }
    TriggerDdl trigger = TriggerDdl.read(s);
    if (trigger != null) {
      String name = trigger.table();
      return Optional.of(new TableLock(name, LockMode.SHARE_ROW_EXCLUSIVE, context.existing(name)));
    }
    if (s.startsWith("REFRESH", "MATERIALIZED", "VIEW") && !s.isWord(3, "CONCURRENTLY")) {
      ObjectName view = ObjectName.at(s, 3);
      String name = view == null ? null : view.name();
      return Optional.of(new TableLock(name, LockMode.ACCESS_EXCLUSIVE, context.existing(name)));
    }
    return Optional.empty();
  }

  private static LockMode lockTableMode(Statement s) {
    int in = s.indexOfWord("IN", 1);
    if (in < 0) {
      return LockMode.ACCESS_EXCLUSIVE;
    }
    StringBuilder mode = new StringBuilder();
    for (int i = in + 1; i < s.size() && !s.isWord(i, "MODE"); i++) {
      mode.append(mode.length() == 0 ? "" : "_").append(s.get(i).upper());
    }
    try {
      return LockMode.valueOf(mode.toString());
    } catch (IllegalArgumentException unknown) {
      return LockMode.ACCESS_EXCLUSIVE;
    }
  }

  private static final Set<String> MAINTENANCE_WORDS = Set.of(
      "FULL", "FREEZE", "VERBOSE", "ANALYZE", "INDEX", "TABLE", "SCHEMA", "DATABASE", "SYSTEM", "CONCURRENTLY");

  /** The object of a maintenance command such as {@code VACUUM (FULL) t} or {@code REINDEX INDEX CONCURRENTLY i}. */
  static ObjectName lastName(Statement s) {
    int i = 1;
    if (i < s.size() && s.get(i).is(TokenKind.OPEN_PAREN)) {
      while (i < s.size() && !s.get(i).is(TokenKind.CLOSE_PAREN)) {
        i++;
      }
      i++;
    }
    while (i < s.size() && s.get(i).is(TokenKind.WORD) && MAINTENANCE_WORDS.contains(s.get(i).upper())) {
      i++;
    }
    return ObjectName.at(s, i);
  }
}
