package dev.flywayzdm.lint.internal.sql;

import dev.flywayzdm.lint.internal.lexer.Statement;

/**
 * A {@code CREATE [OR REPLACE] [CONSTRAINT] TRIGGER name ... ON table} or {@code DROP TRIGGER [IF EXISTS] name
 * ON table}: both take SHARE ROW EXCLUSIVE on the table, which blocks its writes while waited for and held.
 *
 * @param create whether it creates (or replaces) the trigger
 * @param trigger the trigger's name, or null when it could not be read
 * @param table the table, or null when it could not be read
 */
public record TriggerDdl(boolean create, String trigger, String table) {

  /** Whether the statement creates or drops a trigger. */
  public static boolean is(Statement s) {
    return read(s) != null;
  }

  /** Reads the statement; null when it is not a trigger's CREATE or DROP. */
  public static TriggerDdl read(Statement s) {
    int at;
    boolean create = s.isWord(0, "CREATE");
    if (s.startsWith("CREATE", "TRIGGER") || s.startsWith("DROP", "TRIGGER")) {
      at = 2;
    } else if (s.startsWith("CREATE", "CONSTRAINT", "TRIGGER") || s.startsWith("CREATE", "OR", "REPLACE", "TRIGGER")) {
      at = s.isWord(1, "OR") ? 4 : 3;
    } else if (s.startsWith("CREATE", "OR", "REPLACE", "CONSTRAINT", "TRIGGER")) {
      at = 5;
    } else {
      return null;
    }
    ObjectName trigger = ObjectName.at(s, ObjectName.skipModifiers(s, at));
    int on = s.indexOfWord("ON", at);
    ObjectName table = on < 0 ? null : ObjectName.at(s, ObjectName.skipModifiers(s, on + 1));
    return new TriggerDdl(create, trigger == null ? null : trigger.name(), table == null ? null : table.name());
  }
}
