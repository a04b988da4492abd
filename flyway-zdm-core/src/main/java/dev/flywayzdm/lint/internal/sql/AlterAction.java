package dev.flywayzdm.lint.internal.sql;

import dev.flywayzdm.lint.internal.lexer.Statement;
import dev.flywayzdm.lint.internal.lexer.Token;

/**
 * One comma-separated action of an {@code ALTER TABLE}.
 *
 * @param kind what the action does
 * @param tokens the action's own tokens
 * @param column the column it acts on, for column actions; else null
 * @param columnDefinition the new column, for {@link Kind#ADD_COLUMN}
 * @param constraint the new constraint, for {@link Kind#ADD_CONSTRAINT}
 * @param newType the new type, for {@link Kind#ALTER_COLUMN_TYPE}
 * @param target a constraint or partition name, or the new name of a rename; else null
 */
public record AlterAction(
    Kind kind, Statement tokens, String column, ColumnDefinition columnDefinition, ConstraintDefinition constraint,
    ColumnType newType, String target) {

  public enum Kind {
    ADD_COLUMN, ADD_CONSTRAINT, DROP_COLUMN, DROP_CONSTRAINT, ALTER_COLUMN_TYPE, SET_NOT_NULL, DROP_NOT_NULL,
    SET_DEFAULT, DROP_DEFAULT, ADD_IDENTITY, ALTER_COLUMN_OTHER, VALIDATE_CONSTRAINT, RENAME_COLUMN,
    RENAME_CONSTRAINT, RENAME_TABLE, SET_SCHEMA, SET_LOGGED, SET_UNLOGGED, DETACH_PARTITION, ATTACH_PARTITION,
    STORAGE_OR_STATISTICS, TRIGGER_TOGGLE, SET_ACCESS_METHOD, OTHER
  }

  /** Where the action starts, for findings. */
  public Token first() {
    return tokens.first();
  }

  /** Whether the action ends with {@code CONCURRENTLY} (a DETACH PARTITION). */
  public boolean concurrently() {
    return tokens.containsWord("CONCURRENTLY");
  }

  /**
   * Whether a DETACH PARTITION ends with {@code FINALIZE}: it completes an interrupted DETACH ... CONCURRENTLY
   * under SHARE UPDATE EXCLUSIVE and has no CONCURRENTLY form of its own.
   */
  public boolean finalizesDetach() {
    return kind == Kind.DETACH_PARTITION && tokens.containsWord("FINALIZE");
  }

  /** Whether it uses a {@code USING} expression (ALTER COLUMN ... TYPE ... USING). */
  public boolean hasUsing() {
    return tokens.containsWord("USING");
  }

  /** The lock this action takes on the altered table, per PostgreSQL's ALTER TABLE documentation. */
  public LockMode lock() {
    return switch (kind) {
      case VALIDATE_CONSTRAINT, ATTACH_PARTITION, STORAGE_OR_STATISTICS -> LockMode.SHARE_UPDATE_EXCLUSIVE;
      case TRIGGER_TOGGLE -> LockMode.SHARE_ROW_EXCLUSIVE;
      case ADD_CONSTRAINT -> constraint.kind() == ConstraintDefinition.Kind.FOREIGN_KEY
          ? LockMode.SHARE_ROW_EXCLUSIVE : LockMode.ACCESS_EXCLUSIVE;
      case DETACH_PARTITION -> concurrently() || finalizesDetach()
          ? LockMode.SHARE_UPDATE_EXCLUSIVE : LockMode.ACCESS_EXCLUSIVE;
      default -> LockMode.ACCESS_EXCLUSIVE;
    };
  }
}
