package dev.flywayzdm.internal.pg;

import java.sql.Connection;
import java.sql.SQLException;

/** A unit of SQL work on one connection: what a {@link ShortTransaction} runs and a {@link LockRetry} retries. */
@FunctionalInterface
public interface SqlWork<T> {
  /** Does the work on {@code connection}; the caller commits. */
  T run(Connection connection) throws SQLException;
}
