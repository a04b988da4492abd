package dev.flywayzdm.lint.internal.engine;

import dev.flywayzdm.lint.internal.lexer.Statement;
import dev.flywayzdm.lint.internal.lexer.Token;
import dev.flywayzdm.lint.internal.lexer.TokenKind;
import dev.flywayzdm.lint.internal.sql.AlterAction;
import dev.flywayzdm.lint.internal.sql.AlterTable;
import dev.flywayzdm.lint.internal.sql.ColumnDefinition;
import dev.flywayzdm.lint.internal.sql.ColumnList;
import dev.flywayzdm.lint.internal.sql.ConstraintDefinition;
import dev.flywayzdm.lint.internal.sql.LockMode;
import dev.flywayzdm.lint.internal.sql.ObjectName;
import java.util.List;
import java.util.Set;

/** Records what a statement changes for the statements after it: tables, constraints, timeouts, locks. */
final class StatementEffects {

  private static final Set<String> TABLE_PREFIXES = Set.of("TEMP", "TEMPORARY", "UNLOGGED", "GLOBAL", "LOCAL");

  private StatementEffects() {}

  static void apply(StatementContext context, boolean pending) {
    Statement s = context.statement();
    Schema schema = context.schema();
    FileState file = context.file();
    if (s.startsWith("CREATE")) {
      created(s, schema, pending);
    } else if (s.startsWith("DROP", "TABLE")) {
      ObjectName table = ObjectName.at(s, ObjectName.skipModifiers(s, 2));
      if (table != null) {
        schema.tableDropped(table.name());
      }
    } else if (s.startsWith("DROP", "INDEX")) {
      ObjectName index = ObjectName.at(s, ObjectName.skipModifiers(s, s.isWord(2, "CONCURRENTLY") ? 3 : 2));
      if (index != null) {
        schema.indexDropped(index.name());
      }
    } else if (context.alterTable() != null) {
      altered(context.alterTable(), schema, context.transaction());
    } else if (s.startsWith("ALTER", "TYPE")) {
      for (Token token : s.tokens()) {
        if (token.is(TokenKind.STRING) && s.containsWord("VALUE")) {
          file.enumValuesAdded.put(token.value(), context.transaction());
          break;
        }
      }
    }
    lockTimeout(s, file, context.transaction(), context.inTransaction());
    statementTimeout(s, file, context.transaction(), context.inTransaction());
    TableLock.of(context).ifPresent(lock -> {
      if (context.inTransaction() && lock.existing() && lock.mode() == LockMode.ACCESS_EXCLUSIVE
          && file.accessExclusiveTransaction != context.transaction()) {
        file.accessExclusiveTable = lock.object();
        file.accessExclusiveTransaction = context.transaction();
      }
    });
  }

  private static void created(Statement s, Schema schema, boolean pending) {
    int at = 1;
    if (s.matchesAt(at, "OR", "REPLACE")) {
      at += 2;
    }
    boolean unique = s.isWord(at, "UNIQUE");
    if (s.isWord(unique ? at + 1 : at, "INDEX")) {
      int nameAt = ObjectName.skipModifiers(s, at + (unique ? 2 : 1) + (s.isWord(at + (unique ? 2 : 1), "CONCURRENTLY") ? 1 : 0));
      ObjectName index = s.isWord(nameAt, "ON") ? null : ObjectName.at(s, nameAt);
      int on = s.indexOfWord("ON", nameAt);
      ObjectName table = on < 0 ? null : ObjectName.at(s, ObjectName.skipModifiers(s, on + 1));
      if (index != null && table != null) {
        schema.indexCreated(index.name(), table.name(), pending && schema.isNew(table.name()));
      }
      if (table != null) {
        schema.columnsIndexed(table.name(), ColumnList.leading(s, table.next()));
      }
      return;
    }
    while (at < s.size() && s.get(at).is(TokenKind.WORD) && TABLE_PREFIXES.contains(s.get(at).upper())) {
      at++;
    }
    boolean materialized = s.matchesAt(at, "MATERIALIZED", "VIEW");
    if (!s.isWord(at, "TABLE") && !materialized) {
      return;
    }
    ObjectName table = ObjectName.at(s, ObjectName.skipModifiers(s, at + (materialized ? 2 : 1)));
    if (table == null) {
      return;
    }
    // CREATE TABLE AS and a populated materialized view start out full of rows: they are not "new and empty".
    boolean withData = s.containsWord("AS") && !s.matchesAt(s.size() - 3, "WITH", "NO", "DATA")
        && (materialized || !hasColumnList(s, table.next()));
    schema.tableCreated(table.name(), pending && !withData);
    if (s.containsWord("CHECK")) {
      schema.checkConstraintAdded(table.name(), null, true);
    }
    if (table.next() < s.size() && s.get(table.next()).is(TokenKind.OPEN_PAREN)) {
      for (ColumnDefinition column : TableElements.columns(s, table.next())) {
        schema.columnTyped(table.name(), column.name(), column.type());
        if (column.primaryKey() || column.unique()) {
          schema.columnsIndexed(table.name(), List.of(column.name()));
        }
      }
      for (List<String> key : TableElements.keyColumns(s, table.next())) {
        schema.columnsIndexed(table.name(), key);
      }
    }
  }

  private static boolean hasColumnList(Statement s, int afterName) {
    return afterName < s.size() && s.get(afterName).is(TokenKind.OPEN_PAREN) && !s.isWord(afterName - 1, "AS");
  }

  private static void altered(AlterTable alter, Schema schema, long transaction) {
    String table = alter.table();
    for (AlterAction action : alter.actions()) {
      switch (action.kind()) {
        case ADD_COLUMN -> {
          schema.columnTyped(table, action.column(), action.columnDefinition().type());
          if (action.columnDefinition().primaryKey() || action.columnDefinition().unique()) {
            schema.columnsIndexed(table, List.of(action.column()));
          }
        }
        case ALTER_COLUMN_TYPE -> schema.columnTyped(table, action.column(), action.newType());
        case RENAME_TABLE -> schema.tableRenamed(table, action.target());
        case RENAME_COLUMN -> schema.columnRenamed(table, action.column(), action.target());
        case ADD_CONSTRAINT -> constraintAdded(schema, table, action.constraint(), transaction);
        case VALIDATE_CONSTRAINT -> schema.constraintValidated(table, action.target(), transaction);
        case DROP_CONSTRAINT -> schema.constraintDropped(table, action.target());
        default -> { }
      }
    }
  }

  private static void constraintAdded(Schema schema, String table, ConstraintDefinition constraint, long transaction) {
    String name = constraint.name();
    if (name == null && constraint.notNullColumn() != null) {
      name = table + "_" + constraint.notNullColumn() + (constraint.kind() == ConstraintDefinition.Kind.CHECK
          ? "_check" : "_not_null"); // PostgreSQL's own naming
    }
    if (constraint.kind() == ConstraintDefinition.Kind.CHECK) {
      schema.checkConstraintAdded(table, name, !constraint.notValid());
    }
    if (constraint.kind() == ConstraintDefinition.Kind.PRIMARY_KEY
        || constraint.kind() == ConstraintDefinition.Kind.UNIQUE) {
      schema.columnsIndexed(table, constraint.columns());
    }
    if (name == null) {
      return;
    }
    if (constraint.notNullColumn() != null) {
      schema.notNullConstraintAdded(name, table, constraint.notNullColumn(), !constraint.notValid(), transaction);
    }
    if (constraint.notValid()) {
      schema.constraintAddedNotValid(name, table, transaction);
    }
  }

  /** A SET/RESET of a timeout setting: whether it is now non-zero and whether only for this transaction. */
  private record TimeoutChange(boolean on, boolean local) {}

  private static void lockTimeout(Statement s, FileState file, long transaction, boolean inTransaction) {
    TimeoutChange change = timeoutChange(s, "lock_timeout");
    if (change == null) {
      return;
    }
    if (change.local()) {
      file.lockTimeoutTransaction = change.on() && inTransaction ? transaction : -1;
    } else {
      file.lockTimeoutInSession = change.on();
      file.lockTimeoutTransaction = change.on() ? file.lockTimeoutTransaction : -1;
    }
  }

  private static void statementTimeout(Statement s, FileState file, long transaction, boolean inTransaction) {
    TimeoutChange change = timeoutChange(s, "statement_timeout");
    if (change == null) {
      return;
    }
    if (change.local()) {
      file.statementTimeoutTransaction = change.on() && inTransaction ? transaction : -1;
    } else {
      file.statementTimeoutInSession = change.on();
      file.statementTimeoutTransaction = change.on() ? file.statementTimeoutTransaction : -1;
    }
  }

  private static TimeoutChange timeoutChange(Statement s, String setting) {
    Boolean on = null;
    boolean local = false;
    if (s.startsWith("SET") || s.startsWith("RESET")) {
      int at = 1;
      if (s.isWord(at, "LOCAL") || s.isWord(at, "SESSION")) {
        local = s.isWord(at, "LOCAL");
        at++;
      }
      if (s.isWord(at, setting)) {
        on = s.startsWith("SET") && nonZero(s.tokens().subList(Math.min(at + 2, s.size()), s.size()));
      } else if (s.startsWith("RESET") && s.isWord(at, "ALL")) {
        on = false;
      }
    } else if (s.startsWith("SELECT")) {
      int call = s.indexOfWord("SET_CONFIG", 1);
      if (call >= 0 && call + 4 < s.size() && s.get(call + 2).value().equalsIgnoreCase(setting)) {
        on = nonZero(List.of(s.get(call + 4)));
        local = s.isWord(call + 6, "TRUE");
      }
    }
    return on == null ? null : new TimeoutChange(on, local);
  }

  private static boolean nonZero(List<Token> value) {
    if (value.isEmpty() || value.get(0).isWord("DEFAULT")) {
      return false;
    }
    String text = value.get(0).value().trim();
    return !text.isEmpty() && !text.matches("0+(\\s*[a-zA-Z]*)?");
  }
}
