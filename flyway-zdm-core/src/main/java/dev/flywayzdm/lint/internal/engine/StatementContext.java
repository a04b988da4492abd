package dev.flywayzdm.lint.internal.engine;

import dev.flywayzdm.lint.internal.lexer.Statement;
import dev.flywayzdm.lint.internal.sql.AlterTable;

/** One statement together with everything known when it runs. */
public final class StatementContext {

  private final Statement statement;
  private final boolean inTransaction;
  private final long transaction;
  private final EngineOptions options;
  private final Schema schema;
  private final FileState file;
  private AlterTable alterTable;
  private boolean alterTableRead;

  StatementContext(
      Statement statement, boolean inTransaction, long transaction, EngineOptions options, Schema schema,
      FileState file) {
    this.statement = statement;
    this.inTransaction = inTransaction;
    this.transaction = transaction;
    this.options = options;
    this.schema = schema;
    this.file = file;
  }

  public Statement statement() {
    return statement;
  }

  /** Whether the statement runs inside a transaction block. */
  public boolean inTransaction() {
    return inTransaction;
  }

  /** The transaction's number: statements with the same number share one transaction. */
  public long transaction() {
    return transaction;
  }

  public int targetMajor() {
    return options.targetMajor();
  }

  public EngineOptions options() {
    return options;
  }

  public Schema schema() {
    return schema;
  }

  public FileState file() {
    return file;
  }

  /** Whether the table exists with data when the statement runs, i.e. was not created in this run. */
  public boolean existing(String table) {
    return table != null && !schema.isNew(table);
  }

  /** Whether the statement sits in a function or procedure body (it runs when called, not now). */
  public boolean inRoutineBody() {
    return statement.origin() == Statement.Origin.ROUTINE_BODY;
  }

  /** The statement read as ALTER TABLE, or null when it is something else. */
  public AlterTable alterTable() {
    if (!alterTableRead) {
      alterTable = AlterTable.read(statement);
      alterTableRead = true;
    }
    return alterTable;
  }
}
