package dev.flywayzdm.callback;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.flywayzdm.callback.rerun.V1__backfill;
import dev.flywayzdm.callback.rerun.V1__index;
import dev.flywayzdm.callback.rerun.V1__plain;
import dev.flywayzdm.config.ZdmSettings;
import dev.flywayzdm.migration.Backfill;
import dev.flywayzdm.migration.ConcurrentIndex;
import dev.flywayzdm.testsupport.PostgresTest;
import dev.flywayzdm.testsupport.TestDatabase;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.callback.Callback;
import org.flywaydb.core.api.configuration.FluentConfiguration;
import org.flywaydb.core.api.migration.JavaMigration;
import org.junit.jupiter.api.Test;

/**
 * Issue 12, item 4: after a failure flyway-zdm raises itself, the same {@code migrate} continues
 * once the cause is gone, with no {@code flyway repair}, under Flyway's session lock (which
 * flyway-zdm requires and under which Flyway records {@code success=false}).
 */
@PostgresTest
class RerunWithoutRepairTest {

  private static final ZdmSettings SETTINGS = ZdmSettings.builder()
      .lockTimeout(Duration.ofMillis(300))
      .lockRetries(3)
      .lockRetryMinBackoff(Duration.ofMillis(100))
      .lockRetryMaxBackoff(Duration.ofMillis(200))
      .lockRetryMaxTotal(Duration.ofSeconds(2))
      .build();

  @Test
  void shouldContinueAFailedUniqueIndexBuildWithTheSameMigrateAndNoRepair(TestDatabase db) throws Exception {
    db.execute("CREATE SCHEMA rerun_unique; CREATE TABLE rerun_unique.members (id int PRIMARY KEY, email text);"
        + " INSERT INTO rerun_unique.members VALUES (1, 'a@x'), (2, 'b@x'), (3, 'b@x')");
    Flyway flyway = withCallback(db, "rerun_unique",
        new V1__index(() -> ConcurrentIndex.create("idx_members_email").on("members").unique().columns("email"))).load();

    assertThatThrownBy(flyway::migrate).hasStackTraceContaining("duplicate keys")
        .hasStackTraceContaining("To continue: remove the cause and run the same migrate again")
        .hasStackTraceContaining("no flyway repair needed");
    assertThat(failedRows(db, "rerun_unique")).as("Flyway recorded the failure").isEqualTo(1);

    db.execute("DELETE FROM rerun_unique.members WHERE id = 3");
    try (CapturedLog log = CapturedLog.start()) {
      flyway.migrate();
      assertThat(log.text()).contains("flyway-zdm: removed the failed run of V1__index (version 1)")
          .contains("no flyway repair is needed");
    }
    assertThat(indexIsValid(db, "rerun_unique", "idx_members_email")).isTrue();
    assertThat(db.queryLong("SELECT count(*) FROM rerun_unique.flyway_schema_history WHERE version = '1' AND success"))
        .isEqualTo(1);
    assertThat(failedRows(db, "rerun_unique")).isZero();
  }

  @Test
  void shouldContinueThroughZeroDowntimeMigrateEvenWithoutTheCallback(TestDatabase db) throws Exception {
    db.execute("CREATE SCHEMA rerun_zdm; CREATE TABLE rerun_zdm.members (id int PRIMARY KEY, email text);"
        + " INSERT INTO rerun_zdm.members VALUES (1, 'a@x'), (2, 'a@x')");
    FluentConfiguration configuration = withCallback(db, "rerun_zdm",
        new V1__index(() -> ConcurrentIndex.create("idx_members_email").on("members").unique().columns("email")));
    Flyway flyway = configuration.callbacks(new Callback[0]).load();

    assertThatThrownBy(() -> ZeroDowntimeMigrate.of(flyway).migrate()).hasStackTraceContaining("duplicate keys")
        .as("without the callback the message names the command that clears the failed run")
        .hasStackTraceContaining("run `flyway repair`");
    db.execute("UPDATE rerun_zdm.members SET email = 'b@x' WHERE id = 2");

    ZeroDowntimeMigrate.Result result = ZeroDowntimeMigrate.of(flyway).migrate();

    assertThat(result.migrationsExecuted()).isEqualTo(1);
    assertThat(indexIsValid(db, "rerun_zdm", "idx_members_email")).isTrue();
  }

  @Test
  void shouldContinueAfterLockRetriesWereGivenUp(TestDatabase db) throws Exception {
    db.execute("CREATE SCHEMA rerun_lock; CREATE TABLE rerun_lock.stuck (id int PRIMARY KEY, note int);"
        + " INSERT INTO rerun_lock.stuck VALUES (1, 0)");
    Flyway flyway = withCallback(db, "rerun_lock",
        new V1__index(() -> ConcurrentIndex.create("idx_stuck_note").on("stuck").columns("note"))).load();
    try (Connection blocker = db.connect()) {
      blocker.setAutoCommit(false);
      try (Statement statement = blocker.createStatement()) {
        statement.execute("UPDATE rerun_lock.stuck SET note = 1");
      }
      assertThatThrownBy(flyway::migrate).hasStackTraceContaining("gave up")
          .hasStackTraceContaining("run the same migrate again");
      blocker.rollback();
    }

    flyway.migrate();

    assertThat(indexIsValid(db, "rerun_lock", "idx_stuck_note")).isTrue();
  }

  @Test
  void shouldContinueACancelledIndexBuild(TestDatabase db) throws Exception {
    db.execute("CREATE SCHEMA rerun_cancel; CREATE TABLE rerun_cancel.orders (id int PRIMARY KEY, note int);"
        + " INSERT INTO rerun_cancel.orders SELECT g, g FROM generate_series(1, 1000) g");
    Flyway flyway = withCallback(db, "rerun_cancel",
        new V1__index(() -> ConcurrentIndex.create("idx_orders_note").on("orders").columns("note"))).load();
    try (Connection old = db.connect(); Connection dba = db.connect()) {
      // An old transaction makes the build wait, so that the operator's cancel surely meets it.
      old.setAutoCommit(false);
      try (Statement statement = old.createStatement()) {
        statement.execute("SELECT txid_current()");
      }
      CompletableFuture<Long> cancel = CompletableFuture.supplyAsync(() -> cancelWhenWaiting(dba));

      assertThatThrownBy(flyway::migrate).hasStackTraceContaining("canceling statement due to user request")
          .hasStackTraceContaining("run the same migrate again");
      assertThat(cancel.get(30, TimeUnit.SECONDS)).isEqualTo(1);
      old.rollback();
    }

    flyway.migrate();

    assertThat(indexIsValid(db, "rerun_cancel", "idx_orders_note")).isTrue();
  }

  /** The operator's pg_cancel_backend of the build once it waits (bounded). */
  private static long cancelWhenWaiting(Connection dba) {
    try (Statement statement = dba.createStatement()) {
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
      while (System.nanoTime() < deadline) {
        try (ResultSet rows = statement.executeQuery("SELECT count(pg_cancel_backend(pid)) FROM pg_stat_activity"
            + " WHERE datname = current_database() AND wait_event_type = 'Lock'"
            + " AND query LIKE 'CREATE INDEX CONCURRENTLY%'")) {
          rows.next();
          if (rows.getLong(1) > 0) {
            return rows.getLong(1);
          }
        }
        Thread.sleep(20);
      }
      return 0;
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  @Test
  void shouldNotRecordABackfillThatLeavesRowsMatchingAsAppliedAndFinishItOnTheRerun(TestDatabase db) throws Exception {
    db.execute("CREATE SCHEMA rerun_fill; CREATE TABLE rerun_fill.people (id serial PRIMARY KEY, name text, display_name text);"
        + " INSERT INTO rerun_fill.people (name) SELECT 'p' || g FROM generate_series(1, 50) g;"
        // An old writer, played by a trigger: every row the backfill fixes brings a new row that needs it.
        + " CREATE FUNCTION rerun_fill.old_writer() RETURNS trigger LANGUAGE plpgsql AS"
        + " $$ BEGIN INSERT INTO rerun_fill.people (name) VALUES ('late'); RETURN NULL; END $$;"
        + " CREATE TRIGGER old_writer AFTER UPDATE ON rerun_fill.people FOR EACH ROW EXECUTE FUNCTION rerun_fill.old_writer()");
    Flyway flyway = withCallback(db, "rerun_fill", new V1__backfill(() ->
        Backfill.table("people").set("display_name = name").where("display_name IS NULL").batchSize(10))).load();

    assertThatThrownBy(flyway::migrate).hasStackTraceContaining("still match \"display_name IS NULL\"")
        .hasStackTraceContaining("not recorded as applied");
    assertThat(db.queryLong("SELECT count(*) FROM rerun_fill.flyway_schema_history WHERE version = '1' AND success"))
        .as("a backfill that left work undone is no success").isZero();

    db.execute("DROP TRIGGER old_writer ON rerun_fill.people");
    flyway.migrate();

    assertThat(db.queryLong("SELECT count(*) FROM rerun_fill.people WHERE display_name IS NULL")).isZero();
    assertThat(db.queryLong("SELECT count(*) FROM rerun_fill.flyway_schema_history WHERE version = '1' AND success"))
        .isEqualTo(1);
  }

  @Test
  void shouldStillAnalyzeWhenTheRerunFindsTheIndexAlreadyBuiltByTheKilledRun(TestDatabase db) throws Exception {
    // The killed run had built the index and died before its ANALYZE: no statistics on the table.
    db.execute("CREATE SCHEMA rerun_analyze; CREATE TABLE rerun_analyze.events (id int PRIMARY KEY, kind text);"
        + " INSERT INTO rerun_analyze.events SELECT g, 'k' || (g % 5) FROM generate_series(1, 2000) g;"
        + " CREATE INDEX idx_events_kind ON rerun_analyze.events (kind)");
    assertThat(db.queryLong("SELECT count(*) FROM pg_stats WHERE schemaname = 'rerun_analyze' AND tablename = 'events'"))
        .isZero();
    Flyway flyway = withCallback(db, "rerun_analyze",
        new V1__index(() -> ConcurrentIndex.create("idx_events_kind").on("events").columns("kind"))).load();

    flyway.migrate();

    assertThat(db.queryLong("SELECT count(*) FROM pg_stats WHERE schemaname = 'rerun_analyze' AND tablename = 'events'"))
        .as("the promised ANALYZE ran although the index was already valid").isPositive();
  }

  @Test
  void shouldContinueWhenFlywayValidateOnMigrateIsOff(TestDatabase db) throws Exception {
    db.execute("CREATE SCHEMA rerun_novalidate; CREATE TABLE rerun_novalidate.members (id int PRIMARY KEY, email text);"
        + " INSERT INTO rerun_novalidate.members VALUES (1, 'a@x'), (2, 'a@x')");
    Flyway flyway = withCallback(db, "rerun_novalidate",
        new V1__index(() -> ConcurrentIndex.create("idx_members_email").on("members").unique().columns("email")))
        .validateOnMigrate(false).load();
    assertThatThrownBy(flyway::migrate).hasStackTraceContaining("duplicate keys");
    db.execute("DELETE FROM rerun_novalidate.members WHERE id = 2");

    flyway.migrate();

    assertThat(indexIsValid(db, "rerun_novalidate", "idx_members_email")).isTrue();
  }

  @Test
  void shouldLeaveTheFailedRunOfAJavaMigrationThatIsNotFlywayZdmsToRepair(TestDatabase db) throws Exception {
    db.execute("CREATE SCHEMA rerun_plain");
    Flyway flyway = withCallback(db, "rerun_plain", new V1__plain()).load();
    assertThatThrownBy(flyway::migrate).hasStackTraceContaining("missing_table_of_plain");

    assertThatThrownBy(flyway::migrate).as("its partial effects are unknown: Flyway's validation stands")
        .hasStackTraceContaining("failed");
    assertThat(failedRows(db, "rerun_plain")).isEqualTo(1);
  }

  @Test
  void shouldChangeNothingInAValidateOfItsOwn(TestDatabase db) throws Exception {
    db.execute("CREATE SCHEMA rerun_validate; CREATE TABLE rerun_validate.members (id int PRIMARY KEY, email text);"
        + " INSERT INTO rerun_validate.members VALUES (1, 'a@x'), (2, 'a@x')");
    AtomicReference<ConcurrentIndex> index =
        new AtomicReference<>(ConcurrentIndex.create("idx_members_email").on("members").unique().columns("email"));
    Flyway flyway = withCallback(db, "rerun_validate", new V1__index(index::get)).load();
    assertThatThrownBy(flyway::migrate).hasStackTraceContaining("duplicate keys");

    flyway.validateWithResult();

    assertThat(failedRows(db, "rerun_validate")).as("only migrate continues a failed run").isEqualTo(1);
  }

  private static FluentConfiguration withCallback(TestDatabase db, String schema, JavaMigration... migrations) {
    return TestFlyway.withSessionLock(TestFlyway.configure(db.dataSource(), schema, "rerun_none", SETTINGS))
        .baselineOnMigrate(true).baselineVersion("0").javaMigrations(migrations);
  }

  private static long failedRows(TestDatabase db, String schema) throws Exception {
    return db.queryLong("SELECT count(*) FROM " + schema + ".flyway_schema_history WHERE NOT success");
  }

  private static boolean indexIsValid(TestDatabase db, String schema, String index) throws Exception {
    return db.queryLong("SELECT count(*) FROM pg_index WHERE indisvalid AND indexrelid = to_regclass('" + schema + "."
        + index + "')") == 1;
  }
}
