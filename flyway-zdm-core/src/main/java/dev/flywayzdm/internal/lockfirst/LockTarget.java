package dev.flywayzdm.internal.lockfirst;

import dev.flywayzdm.lint.internal.sql.LockMode;

/**
 * One table lock a statement will take.
 *
 * @param relation the table as SQL: quoted, schema-qualified when the statement qualifies it
 * @param mode the lock mode the statement takes on it
 * @param only the statement names it with {@code ONLY}: its inheritance children are not locked
 */
public record LockTarget(String relation, LockMode mode, boolean only) {

  /** The {@code LOCK TABLE} that takes exactly this lock. */
  String lockSql() {
    return "LOCK TABLE " + (only ? "ONLY " : "") + relation + " IN " + mode.label() + " MODE";
  }

  /** For logs and errors: {@code ACCESS EXCLUSIVE on "users"}. */
  public String describe() {
    return mode.label() + " on " + relation;
  }
}
