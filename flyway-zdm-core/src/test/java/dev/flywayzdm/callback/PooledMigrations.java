package dev.flywayzdm.callback;

import dev.flywayzdm.config.ZdmSettings;
import dev.flywayzdm.migration.Backfill;
import dev.flywayzdm.migration.Contract;
import dev.flywayzdm.migration.BatchedBackfillMigration;
import dev.flywayzdm.migration.ConcurrentIndex;
import dev.flywayzdm.migration.ConcurrentIndexMigration;
import dev.flywayzdm.migration.DualWrite;
import dev.flywayzdm.migration.DualWriteContractMigration;
import dev.flywayzdm.migration.DualWriteExpandMigration;
import dev.flywayzdm.migration.ValidatedConstraint;
import dev.flywayzdm.migration.ValidatedConstraintMigration;
import java.time.Duration;
import java.util.List;
import javax.sql.DataSource;
import org.flywaydb.core.api.FlywayException;
import org.flywaydb.core.api.configuration.FluentConfiguration;
import org.flywaydb.core.api.migration.JavaMigration;

/**
 * One migration of every kind flyway-zdm runs, succeeding and failing, all through Flyway with the
 * callback over a data source the test provides (an application's pool, or PgBouncer): the
 * fixture of the tests that check what a migration leaves on a borrowed connection.
 */
final class PooledMigrations {

  static final ZdmSettings SETTINGS = ZdmSettings.builder()
      .lockTimeout(Duration.ofSeconds(2))
      .statementTimeout(Duration.ofSeconds(30))
      .soak(Duration.ZERO)
      .build();

  private PooledMigrations() {}

  /**
   * The successful run: every base class and SQL file kind, in one migrate.
   *
   * @param schema the run's schema, or {@code public} shared by every run (then each gets a history
   *     table of its own): behind a transaction-pooling PgBouncer Flyway's session-level
   *     {@code SET search_path} to another schema does not hold
   */
  static void migrateAllKinds(DataSource dataSource, String schema) {
    configure(dataSource, schema, "pooled",
        new V2__index(ConcurrentIndex.create("items_a").on("items").columns("a")),
        new V3__backfill(Backfill.table("items").set("b = a * 2").where("b IS NULL")),
        new V4__constraint(ValidatedConstraint.check("items", "items_a_positive", "a > 0")),
        new V5__expand(),
        new V6__contract())
        .load().migrate();
  }

  /**
   * Runs of one failing migration each, in schemas of their own (or, with the prefix {@code public},
   * in that schema with history tables of their own); every one must fail.
   */
  static List<FailingRun> failingRuns(DataSource dataSource, String schemaPrefix) {
    return List.of(
        new FailingRun("duplicate", () -> configure(dataSource, schemaPrefix + "_unique", "none",
            new V2__index(ConcurrentIndex.create("items_c").on("items").unique().columns("c"))).load().migrate()),
        new FailingRun("division by zero", () -> configure(dataSource, schemaPrefix + "_backfill", "none",
            new V3__backfill(Backfill.table("items").set("b = 1 / (a - a)").where("b IS NULL OR b > 0"))).load().migrate()),
        new FailingRun("items_a_negative", () -> configure(dataSource, schemaPrefix + "_constraint", "none",
            new V4__constraint(ValidatedConstraint.check("items", "items_a_negative", "a < 0"))).load().migrate()),
        new FailingRun("no_such_column", () -> configure(dataSource, schemaPrefix + "_expand", "none",
            new V5__expand_missing()).load().migrate()),
        // After its expand (soak 0), so that the contract itself runs and fails in its engine.
        new FailingRun("no_such_target", () -> configure(dataSource, schemaPrefix + "_contract", "none",
            new V5__expand(), new V6__contract_missing()).load().migrate()),
        new FailingRun("division by zero", () -> configure(dataSource, schemaPrefix + "_sql_tx", "pooled_fail_tx").load().migrate()),
        new FailingRun("items_c_unique", () -> configure(dataSource, schemaPrefix + "_sql_cic", "pooled_fail_cic").load().migrate()),
        new FailingRun("V2__fails", () -> configure(dataSource, schemaPrefix + "_sql_nontx", "pooled_fail_nontx").load().migrate()));
  }

  /** A run that must fail, with a fragment of its expected error (so it cannot fail for an unrelated reason unnoticed). */
  record FailingRun(String expected, Runnable run) {

    /** Runs it and checks that it failed as expected. */
    void assertFails() {
      try {
        run.run();
      } catch (FlywayException e) {
        StringBuilder messages = new StringBuilder();
        for (Throwable t = e; t != null; t = t.getCause()) {
          messages.append(t.getMessage()).append('\n');
        }
        if (!messages.toString().contains(expected)) {
          throw new AssertionError("expected a failure mentioning '" + expected + "', got: " + messages, e);
        }
        return;
      }
      throw new AssertionError("the migration was expected to fail (" + expected + ") but succeeded");
    }
  }

  private static FluentConfiguration configure(DataSource dataSource, String schema, String folder, JavaMigration... java) {
    boolean shared = schema.startsWith("public");
    FluentConfiguration configuration = TestFlyway.withSessionLock(
        TestFlyway.configure(dataSource, shared ? "public" : schema, folder, SETTINGS));
    if (shared) {
      configuration.table("history_" + schema).baselineOnMigrate(true).baselineVersion("0");
    }
    configuration.locations("classpath:dev/flywayzdm/callback/pooled_base", "classpath:dev/flywayzdm/callback/" + folder)
        .javaMigrations(java);
    return configuration;
  }

  static final class V2__index extends ConcurrentIndexMigration {
    private final ConcurrentIndex index;

    V2__index(ConcurrentIndex index) {
      this.index = index;
    }

    @Override
    protected ConcurrentIndex index() {
      return index;
    }
  }

  static final class V3__backfill extends BatchedBackfillMigration {
    private final Backfill backfill;

    V3__backfill(Backfill backfill) {
      this.backfill = backfill;
    }

    @Override
    protected Backfill backfill() {
      return backfill.batchSize(500);
    }
  }

  static final class V4__constraint extends ValidatedConstraintMigration {
    private final ValidatedConstraint constraint;

    V4__constraint(ValidatedConstraint constraint) {
      this.constraint = constraint;
    }

    @Override
    protected ValidatedConstraint constraint() {
      return constraint;
    }
  }

  static final class V5__expand extends DualWriteExpandMigration {
    @Override
    protected DualWrite dualWrite() {
      return DualWrite.table("people").from("name").to("display_name");
    }
  }

  static final class V5__expand_missing extends DualWriteExpandMigration {
    @Override
    protected DualWrite dualWrite() {
      return DualWrite.table("people").from("no_such_column").to("display_name");
    }
  }

  @Contract(expand = "5")
  static final class V6__contract extends DualWriteContractMigration {
    @Override
    protected DualWrite dualWrite() {
      return DualWrite.table("people").from("name").to("display_name");
    }
  }

  @Contract(expand = "5")
  static final class V6__contract_missing extends DualWriteContractMigration {
    @Override
    protected DualWrite dualWrite() {
      return DualWrite.table("people").from("name").to("no_such_target");
    }
  }
}
