package dev.flywayzdm.internal.dualwrite;

import dev.flywayzdm.internal.step.StepContext;
import dev.flywayzdm.internal.pg.QualifiedName;
import dev.flywayzdm.internal.pg.Identifier;
import dev.flywayzdm.internal.pg.TableCatalog;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

/**
 * The expand half of a dual write, every step idempotent so a rerun after a kill completes it:
 * add the new column (nullable, no default: a catalog-only change), install the trigger function
 * and the trigger, and create the compatibility view when one is asked for. Backfilling the rows
 * that existed before is a separate step (see {@link #backfillSetClause}).
 */
public final class DualWriteInstaller {

  private final StepContext ddl;
  private final DualWriteSpec spec;

  public DualWriteInstaller(StepContext ddl, DualWriteSpec spec) {
    this.ddl = ddl;
    this.spec = spec;
  }

  public void install() throws SQLException {
    TableCatalog.requireTable(ddl.connection(), spec.table(), ddl.name());
    List<TableCatalog.Column> columns = TableCatalog.columns(ddl.connection(), spec.table());
    TableCatalog.Column old = columns.stream().filter(c -> c.name().equals(spec.oldColumn())).findFirst()
        .orElseThrow(() -> new IllegalStateException(ddl.name() + ": table " + spec.table()
            + " has no column " + spec.oldColumn() + " to dual-write from"));
    String type = spec.newType().orElse(old.type());
    checkConversions(type);
    // Before anything is created: a view in a missing schema must not fail after the trigger is in place.
    if (spec.compatibilityView().isPresent() && spec.compatibilityView().get().schema().isPresent()
        && !schemaExists(spec.compatibilityView().get().schema().get())) {
      throw new IllegalStateException(ddl.name() + ": the compatibility view " + spec.compatibilityView().get()
          + " is in schema " + spec.compatibilityView().get().schema().get() + ", which does not exist; create the schema"
          + " in an earlier migration or name a schema that exists. Nothing was changed.");
    }
    if (columns.stream().noneMatch(c -> c.name().equals(spec.newColumn()))) {
      step("adding column " + spec.newColumn() + " " + type + " to " + spec.table(), spec.table(),
          "ALTER TABLE " + spec.table().quoted() + " ADD COLUMN IF NOT EXISTS " + spec.newColumn().quoted() + " " + type);
    }
    loggedTransaction("installing dual-write function " + spec.functionName(), spec.table(), tx -> {
      try (Statement statement = tx.createStatement()) {
        statement.execute(SyncTriggerSql.createFunction(spec));
        // The contract compares its own description with this one (see DualWriteAgreement).
        statement.execute(DualWriteAgreement.recordSql(spec, ddl.name()));
      }
      return null;
    });
    loggedTransaction("installing trigger " + spec.triggerName() + " on " + spec.table(), spec.table(), tx -> {
      if (!triggerExists()) {
        try (Statement statement = tx.createStatement()) {
          statement.execute(SyncTriggerSql.createTrigger(spec));
        }
      }
      return null;
    });
    if (spec.compatibilityView().isPresent()) {
      step("creating compatibility view " + spec.compatibilityView().get(), spec.table(),
          CompatibilityView.create(spec, TableCatalog.columns(ddl.connection(), spec.table())));
    }
  }

  private boolean schemaExists(Identifier schema) throws SQLException {
    try (PreparedStatement statement = ddl.connection().prepareStatement("SELECT count(*) FROM pg_namespace WHERE nspname = ?")) {
      statement.setString(1, schema.name());
      try (ResultSet rows = statement.executeQuery()) {
        rows.next();
        return rows.getLong(1) > 0;
      }
    }
  }

  /** Whether the trigger is in place (the expand has run at least this far). */
  public boolean triggerExists() throws SQLException {
    String sql = "SELECT count(*) FROM pg_trigger WHERE tgrelid = to_regclass(?) AND tgname = ?";
    try (PreparedStatement statement = ddl.connection().prepareStatement(sql)) {
      statement.setString(1, spec.table().quoted());
      statement.setString(2, spec.triggerName().name());
      try (ResultSet rows = statement.executeQuery()) {
        rows.next();
        return rows.getLong(1) > 0;
      }
    }
  }

  /**
   * The backfill's SET clause: it touches the old column without changing it, and the trigger
   * fills the new one. The old value is never rewritten, even when the conversion back is lossy.
   */
  public static String backfillSetClause(DualWriteSpec spec) {
    return spec.oldColumn().quoted() + " = " + spec.oldColumn().quoted();
  }

  /** The rows the backfill must touch: new column empty, old one set. */
  public static String backfillPredicate(DualWriteSpec spec) {
    return spec.newColumn().quoted() + " IS NULL AND " + spec.oldColumn().quoted() + " IS NOT NULL";
  }

  /**
   * Lets the server parse and type-check both conversions against the table before anything is
   * changed, so a typo fails here with the conversion named, not inside every later write.
   */
  private void checkConversions(String newType) throws SQLException {
    String sql = "SELECT CAST((" + spec.oldToNew("zdm_row") + ") AS " + newType + "), ("
        + spec.newToOld("zdm_row") + ") FROM (SELECT " + spec.oldColumn().quoted() + ", CAST(NULL AS " + newType
        + ") AS " + spec.newColumn().quoted() + " FROM " + spec.table().quoted() + " LIMIT 0) AS zdm_row";
    try {
      loggedTransaction("checking the conversions of " + spec.describe(), spec.table(), tx -> {
        try (Statement statement = tx.createStatement()) {
          statement.executeQuery(sql).close();
        }
        return null;
      });
    } catch (SQLException e) {
      if (e instanceof dev.flywayzdm.internal.pg.LockNotAvailableException) {
        throw e;
      }
      throw new IllegalStateException(ddl.name() + ": the conversions of " + spec.describe() + " ("
          + spec.oldToNew() + " / " + spec.newToOld() + ", new type " + newType + ") do not compile: "
          + e.getMessage().lines().findFirst().orElse(""), e);
    }
  }
  private void step(String what, QualifiedName relation, String sql) throws SQLException {
    ddl.info("{} ...", what);
    ddl.ddl(what, relation.quoted(), sql);
  }

  private <T> T loggedTransaction(String what, QualifiedName relation, dev.flywayzdm.internal.pg.SqlWork<T> work) throws SQLException {
    ddl.info("{} ...", what);
    return ddl.transaction(what, relation.quoted(), work);
  }
}
