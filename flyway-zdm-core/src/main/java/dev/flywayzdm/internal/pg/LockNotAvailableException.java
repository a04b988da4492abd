package dev.flywayzdm.internal.pg;

import java.sql.SQLException;

/**
 * A lock could not be had within the retry bounds. Keeps the SQLSTATE of the last failure (55P03
 * for a lock timeout) so callers that retry whole migrations recognise it.
 */
public final class LockNotAvailableException extends SQLException {

  private static final long serialVersionUID = 1L;

  public LockNotAvailableException(String message, SQLException last) {
    super(message, last.getSQLState(), last.getErrorCode(), last);
  }
}
