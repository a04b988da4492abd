package dev.flywayzdm.internal.lockfirst;

import java.sql.SQLException;

/**
 * A statement's lock was not granted within the attempt bounds. Carries SQLSTATE 55P03 (lock not
 * available) like PostgreSQL's own lock timeout; callers that retry whole migrations must not
 * retry this one: its bound ({@code flyway.zdm.lockRetryMaxTotal}) is already spent.
 */
public final class LockWaitExhaustedException extends SQLException {

  private static final long serialVersionUID = 1L;

  LockWaitExhaustedException(String message, SQLException last) {
    super(message, "55P03", last == null ? 0 : last.getErrorCode(), last);
  }
}
