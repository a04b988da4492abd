package dev.flywayzdm.internal.constraint;

import dev.flywayzdm.internal.pg.Identifier;
import dev.flywayzdm.internal.pg.LockNotAvailableException;
import dev.flywayzdm.internal.step.StepContext;
import dev.flywayzdm.internal.pg.QualifiedName;
import dev.flywayzdm.internal.pg.ShortTransaction;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;

/**
 * {@code ALTER TABLE ... VALIDATE CONSTRAINT} in a transaction of its own: it takes SHARE UPDATE
 * EXCLUSIVE, so reads and writes go on while it scans. The lock is awaited under lock_timeout with
 * retry; the scan itself has no statement_timeout, since it may legitimately take long.
 */
final class ConstraintValidation {

  /** The rows that violate the constraint, as a predicate on the table aliased {@code zdm_row}. */
  @FunctionalInterface
  interface ViolationPredicate {
    String sql() throws SQLException;
  }

  private ConstraintValidation() {}

  static void validate(StepContext ddl, QualifiedName table, Identifier name, String description,
      ViolationPredicate violation) throws SQLException {
    String what = "validating " + description + " (SHARE UPDATE EXCLUSIVE: writes continue)";
    ddl.info("{} ...", what);
    long start = System.nanoTime();
    try {
      ddl.transaction(what, table.quoted(), tx -> {
        ShortTransaction.setLocal(tx, "statement_timeout", Duration.ZERO);
        try (Statement statement = tx.createStatement()) {
          statement.execute("ALTER TABLE " + table.quoted() + " VALIDATE CONSTRAINT " + name.quoted());
        }
        return null;
      });
    } catch (SQLException e) {
      if (e instanceof LockNotAvailableException || e.getSQLState() == null || !e.getSQLState().startsWith("23")) {
        throw e;
      }
      String predicate = violation.sql();
      ViolationReport report = ddl.transaction("counting rows that violate " + description, table.quoted(),
          tx -> ViolationReport.of(tx, table, predicate));
      throw new ExistingRowsViolateException(ddl.name() + ": " + description + " cannot be validated: "
          + report.describe() + " (rows matching " + predicate + " in " + table + " AS zdm_row). The constraint stays"
          + " in place NOT VALID, so new and updated rows are checked already. Fix those rows and run the migration"
          + " again: it will only validate.", e, report.count());
    }
    ddl.info("validated {} in {} ms", description, (System.nanoTime() - start) / 1_000_000);
  }
}
