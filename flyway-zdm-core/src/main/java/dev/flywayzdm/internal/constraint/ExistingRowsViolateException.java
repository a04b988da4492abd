package dev.flywayzdm.internal.constraint;

import java.sql.SQLException;

/**
 * Validation found rows that break the constraint. The constraint stays in place NOT VALID, so new
 * writes are already checked; fix the rows and run the migration again. Keeps the server's
 * SQLSTATE (23514 check, 23503 foreign key, 23502 not null) so nothing mistakes it for a lock timeout.
 */
public final class ExistingRowsViolateException extends SQLException {

  private static final long serialVersionUID = 1L;

  private final long violatingRows;

  ExistingRowsViolateException(String message, SQLException cause, long violatingRows) {
    super(message, cause.getSQLState(), cause.getErrorCode(), cause);
    this.violatingRows = violatingRows;
  }

  /** How many rows violated the constraint when it was validated. */
  public long violatingRows() {
    return violatingRows;
  }
}
