package dev.flywayzdm.internal.constraint;

import dev.flywayzdm.internal.step.StepContext;
import dev.flywayzdm.internal.pg.TableCatalog;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.SQLWarning;
import java.sql.Statement;

/**
 * {@code SET NOT NULL} without a scan under ACCESS EXCLUSIVE:
 * {@code CHECK (col IS NOT NULL) NOT VALID} -> VALIDATE (SHARE UPDATE EXCLUSIVE, writes go on) ->
 * {@code SET NOT NULL}, which PostgreSQL 12+ proves from the valid check without scanning, and
 * drop the helper check in the same short transaction.
 *
 * <p>Each step reads where the last run stopped from {@code pg_attribute} and {@code pg_constraint}:
 * column already NOT NULL (drop a leftover helper), helper missing, helper NOT VALID, helper valid.
 */
final class NotNullSequence {

  /** What the run did; {@code scanSkipped} is PostgreSQL's own word that SET NOT NULL used the check. */
  record Outcome(boolean alreadyNotNull, boolean scanSkipped) {}

  private static final String PROOF_MESSAGE = "sufficient to prove that it does not contain nulls";

  private final StepContext ddl;

  NotNullSequence(StepContext ddl) {
    this.ddl = ddl;
  }

  Outcome apply(ConstraintSpec.NotNull spec) throws SQLException {
    String column = spec.table() + "." + spec.column();
    TableCatalog.requireTable(ddl.connection(), spec.table(), ddl.name());
    TableCatalog.Column current = TableCatalog.column(ddl.connection(), spec.table(), spec.column())
        .orElseThrow(() -> new IllegalStateException(ddl.name() + ": table " + spec.table() + " has no column " + spec.column()));
    if (current.notNull()) {
      if (ConstraintCatalog.find(ddl.connection(), spec.table(), spec.helperCheck()).isPresent()) {
        dropHelper(spec);
      } else {
        ddl.info("{} is NOT NULL already: nothing to do", column);
      }
      return new Outcome(true, false);
    }
    String definition = "CHECK (" + spec.column().quoted() + " IS NOT NULL)";
    new NotValidConstraint(ddl).apply(spec.table(), spec.helperCheck(), 'c', definition,
        "helper check " + spec.helperCheck() + " (" + spec.column() + " IS NOT NULL) on " + spec.table(),
        () -> "zdm_row." + spec.column().quoted() + " IS NULL");

    String what = "setting " + column + " NOT NULL (the valid helper check spares the scan) and dropping the helper check";
    ddl.info("{} ...", what);
    boolean skipped = ddl.transaction(what, spec.table().quoted(), tx -> {
      // PostgreSQL says at DEBUG1 when the check proved the column: the evidence that nothing was scanned.
      try (PreparedStatement debug = tx.prepareStatement("SELECT set_config('client_min_messages', 'debug1', true)")) {
        debug.execute();
      }
      boolean proved;
      try (Statement statement = tx.createStatement()) {
        statement.execute("ALTER TABLE " + spec.table().quoted() + " ALTER COLUMN " + spec.column().quoted() + " SET NOT NULL");
        proved = mentionsProof(statement.getWarnings());
        statement.execute("ALTER TABLE " + spec.table().quoted() + " DROP CONSTRAINT IF EXISTS " + spec.helperCheck().quoted());
      }
      return proved;
    });
    if (!skipped) {
      ddl.info("PostgreSQL did not report using the helper check for {}: it may have scanned the table", column);
    }
    return new Outcome(false, skipped);
  }

  private void dropHelper(ConstraintSpec.NotNull spec) throws SQLException {
    String what = "dropping helper check " + spec.helperCheck() + " left by an earlier run on " + spec.table();
    ddl.info("{} ...", what);
    ddl.ddl(what, spec.table().quoted(),
        "ALTER TABLE " + spec.table().quoted() + " DROP CONSTRAINT IF EXISTS " + spec.helperCheck().quoted());
  }

  private static boolean mentionsProof(SQLWarning warning) {
    for (SQLWarning w = warning; w != null; w = w.getNextWarning()) {
      if (w.getMessage() != null && w.getMessage().contains(PROOF_MESSAGE)) {
        return true;
      }
    }
    return false;
  }
}
