package dev.flywayzdm.lint.internal.engine;

import java.util.HashMap;
import java.util.Map;

/** What earlier statements of the same file have set up: transactions, timeouts, held locks. */
public final class FileState {

  /** Whether Flyway wraps the whole file in one transaction. */
  final boolean fileInTransaction;
  /** Whether destructive statements are declared intended (contract step or zdm:allow destructive). */
  final boolean destructiveAllowed;
  /** Whether the file also changes the structure of an existing table. */
  final boolean hasDdlOnExistingTable;

  boolean explicitTransaction;
  long transaction;
  long lockTimeoutTransaction = -1;
  boolean lockTimeoutInSession;
  boolean lockTimeoutReported;
  long statementTimeoutTransaction = -1;
  boolean statementTimeoutInSession;
  boolean statementTimeoutReported;
  String accessExclusiveTable;
  long accessExclusiveTransaction = -1;
  boolean accessExclusiveReported;
  final Map<String, Long> enumValuesAdded = new HashMap<>();

  FileState(boolean fileInTransaction, boolean destructiveAllowed, boolean hasDdlOnExistingTable, long transaction) {
    this.fileInTransaction = fileInTransaction;
    this.destructiveAllowed = destructiveAllowed;
    this.hasDdlOnExistingTable = hasDdlOnExistingTable;
    this.transaction = transaction;
  }

  public boolean destructiveAllowed() {
    return destructiveAllowed;
  }

  public boolean hasDdlOnExistingTable() {
    return hasDdlOnExistingTable;
  }

  public boolean fileInTransaction() {
    return fileInTransaction;
  }

  /** Whether a non-zero lock_timeout applies to a statement in the given transaction. */
  public boolean lockTimeoutInForce(long inTransaction) {
    return lockTimeoutInSession || lockTimeoutTransaction == inTransaction;
  }

  /** Whether a non-zero statement_timeout applies to a statement in the given transaction. */
  public boolean statementTimeoutInForce(long inTransaction) {
    return statementTimeoutInSession || statementTimeoutTransaction == inTransaction;
  }

  public boolean statementTimeoutReported() {
    return statementTimeoutReported;
  }

  public void statementTimeoutReported(boolean reported) {
    statementTimeoutReported = reported;
  }

  public boolean lockTimeoutReported() {
    return lockTimeoutReported;
  }

  public void lockTimeoutReported(boolean reported) {
    lockTimeoutReported = reported;
  }

  /** The table this transaction holds ACCESS EXCLUSIVE on, or null. */
  public String accessExclusiveTable(long inTransaction) {
    return accessExclusiveTransaction == inTransaction ? accessExclusiveTable : null;
  }

  public boolean accessExclusiveReported() {
    return accessExclusiveReported;
  }

  public void accessExclusiveReported(boolean reported) {
    accessExclusiveReported = reported;
  }

  /** The transaction in which an enum value was added in this file, or null. */
  public Long enumValueAddedIn(String value) {
    return enumValuesAdded.get(value);
  }
}
