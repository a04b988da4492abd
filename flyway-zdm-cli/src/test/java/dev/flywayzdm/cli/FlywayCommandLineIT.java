package dev.flywayzdm.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flywayzdm.testsupport.PostgresTest;
import dev.flywayzdm.testsupport.TestDatabase;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What a user of the Flyway command line does: the flyway-zdm drop-in jar beside Flyway's jars, the
 * callback and {@code flyway.zdm.*} settings in flyway.conf, flyway.toml or the environment, then
 * {@code flyway migrate}. The command line is assembled from Maven Central jars by the build (its
 * archive is not on Maven Central), in the Flyway version of {@code -Dflyway.version}.
 */
@PostgresTest
class FlywayCommandLineIT {

  private static final String CALLBACK = "dev.flywayzdm.callback.ZeroDowntimeCallback";

  private static final String V1 = "CREATE TABLE orders (id bigint PRIMARY KEY, customer text);\n";
  /** A lint finding: prefer-timestamptz warns about a timestamp without time zone. */
  private static final String V2 = "ALTER TABLE orders ADD COLUMN created_at timestamp;\n";

  @TempDir
  Path home;

  @Test
  void flywayConfBindsTheSettingsAndTheCommandLineShowsTheCallbacksLinesAndLintWarnings(TestDatabase db)
      throws Exception {
    FlywayCommandLine flyway = FlywayCommandLine.install(home, "lib");
    Path sql = migrations(flyway, "conf_orders");
    Path conf = flyway.write("conf/flyway.conf", connection(db, "cli_conf", sql) + """
        flyway.callbacks=%s
        flyway.postgresql.transactional.lock=false
        flyway.zdm.lockTimeout=1234ms
        """.formatted(CALLBACK));

    FlywayCommandLine.Run run = flyway.run(Map.of(), "migrate", "-configFiles=" + conf);

    assertThat(run.exitCode()).as(run.output()).isZero();
    assertThat(run.output())
        .as("the Flyway of -Dflyway.version runs")
        .contains(System.getProperty("zdm.expectedFlywayVersion"))
        .as("flyway.zdm.lockTimeout of flyway.conf reaches the callback, and its INFO line the console")
        .contains("V1__create_orders: lock_timeout 1234ms")
        .contains("V2__add_created_at: lock_timeout 1234ms")
        .as("lint findings are WARN lines of Flyway's own log, which the command line prints")
        .contains("prefer-timestamptz");
    assertThat(appliedVersions(db, "cli_conf")).isEqualTo(2);
  }

  @Test
  void flywayTomlBindsItsFlywayZdmSection(TestDatabase db) throws Exception {
    FlywayCommandLine flyway = FlywayCommandLine.install(home, "lib");
    Path sql = migrations(flyway, "toml_orders");
    Path toml = flyway.write("conf/flyway.toml", """
        [environments.default]
        url = "%s"
        user = "%s"
        password = "%s"
        schemas = ["cli_toml"]

        [flyway]
        locations = ["filesystem:%s"]
        callbacks = ["%s"]

        [flyway.postgresql.transactional]
        lock = false

        [flyway.zdm]
        lockTimeout = "1500ms"
        lint = "warn"
        """.formatted(db.jdbcUrl(), db.user(), nullToEmpty(db.password()), sql, CALLBACK));

    FlywayCommandLine.Run run = flyway.run(Map.of(), "migrate", "-configFiles=" + toml);

    assertThat(run.exitCode()).as(run.output()).isZero();
    assertThat(run.output()).as("[flyway.zdm] lockTimeout of flyway.toml reaches the callback")
        .contains("V1__create_orders: lock_timeout 1500ms")
        .contains("prefer-timestamptz");
    assertThat(appliedVersions(db, "cli_toml")).isEqualTo(2);
  }

  @Test
  void flywayZdmEnvironmentVariablesBind(TestDatabase db) throws Exception {
    FlywayCommandLine flyway = FlywayCommandLine.install(home, "drivers");
    Path sql = migrations(flyway, "env_orders");

    FlywayCommandLine.Run run = flyway.run(Map.of(
        "FLYWAY_URL", db.jdbcUrl(),
        "FLYWAY_USER", db.user(),
        "FLYWAY_PASSWORD", nullToEmpty(db.password()),
        "FLYWAY_SCHEMAS", "cli_env",
        "FLYWAY_LOCATIONS", "filesystem:" + sql,
        "FLYWAY_CALLBACKS", CALLBACK,
        "FLYWAY_POSTGRESQL_TRANSACTIONAL_LOCK", "false",
        "FLYWAY_ZDM_LOCK_TIMEOUT", "1700ms"), "migrate");

    assertThat(run.exitCode()).as(run.output()).isZero();
    assertThat(run.output()).as("FLYWAY_ZDM_LOCK_TIMEOUT reaches the callback; drivers/ works as well as lib/")
        .contains("V1__create_orders: lock_timeout 1700ms");
    assertThat(appliedVersions(db, "cli_env")).isEqualTo(2);
  }

  /**
   * Flyway loads {@code jars/} in a class loader of its own, after it has read the configuration with
   * the plugins beside flyway-core: the callback is found there, the {@code flyway.zdm.*} keys are not.
   * This is why the README says {@code lib/} or {@code drivers/}.
   */
  @Test
  void inTheJarsFolderTheCallbackRunsButFlywayZdmKeysAreUnknown(TestDatabase db) throws Exception {
    FlywayCommandLine flyway = FlywayCommandLine.install(home, "jars");
    Path sql = migrations(flyway, "jars_orders");
    String jarDirs = "-jarDirs=" + flyway.home().resolve("jars");
    Path defaults = flyway.write("conf/defaults.conf", connection(db, "cli_jars", sql) + """
        flyway.callbacks=%s
        flyway.postgresql.transactional.lock=false
        """.formatted(CALLBACK));
    Path withKey = flyway.write("conf/with-key.conf", connection(db, "cli_jars_key", sql) + """
        flyway.callbacks=%s
        flyway.postgresql.transactional.lock=false
        flyway.zdm.lockTimeout=1234ms
        """.formatted(CALLBACK));

    FlywayCommandLine.Run withDefaults = flyway.run(Map.of(), "migrate", jarDirs, "-configFiles=" + defaults);
    FlywayCommandLine.Run keyed = flyway.run(Map.of(), "migrate", jarDirs, "-configFiles=" + withKey);

    assertThat(withDefaults.exitCode()).as(withDefaults.output()).isZero();
    assertThat(withDefaults.output()).contains("V1__create_orders: lock_timeout 2s");
    assertThat(keyed.exitCode()).isNotZero();
    assertThat(keyed.output()).contains("Unknown configuration property: flyway.zdm.lockTimeout");
  }

  /**
   * A SQL migration meets a lock another transaction holds for the whole run: the command line names
   * the blocker (its pid), and the run fails instead of queueing every writer behind the ALTER.
   */
  @Test
  void aLockHeldForTheWholeRunFailsTheRunAndTheOutputNamesTheBlocker(TestDatabase db) throws Exception {
    // the callback's short attempts are bounded by lockRetryMaxTotal: keep it short for a lock that never goes
    // (whether the command line prints the final error's text differs by version: 11.7.2's does not)
    HeldLockRun held = runAgainstAHeldLock(db, "cli_lock", NEVER, "flyway.zdm.lockRetries=0\nflyway.zdm.lockRetryMaxTotal=3s\n");

    // not the exit code: Flyway 11.7.2's command line exits 0 after a failed migration
    assertThat(appliedVersions(db, "cli_lock")).as("V2 failed and was rolled back").isEqualTo(1);
    assertThat(held.run().output()).as("the blocker's pid is named").contains("pid " + held.blockerPid())
        .contains("nightly-report").contains("retrying (attempt 2)");
  }

  /**
   * The same with the callback's short lock attempts: retried with backoff, the blocker named on each
   * attempt, success once the blocker ends.
   */
  @Test
  void aHeldLockIsRetriedUntilTheBlockerEndsAndEveryAttemptNamesIt(TestDatabase db) throws Exception {
    HeldLockRun held = runAgainstAHeldLock(db, "cli_retry", 2_000, "");

    assertThat(held.run().exitCode()).as(held.run().output()).isZero();
    assertThat(held.run().output()).contains("pid " + held.blockerPid()).contains("nightly-report")
        .contains("retrying (attempt 2)");
    assertThat(appliedVersions(db, "cli_retry")).isEqualTo(2);
  }

  /** Hold the lock until the command line has ended. */
  private static final long NEVER = -1;

  /**
   * Runs V2's ALTER TABLE against a transaction that read the table (its ACCESS SHARE lock blocks the
   * ALTER). The blocker ends {@code holdAfterQueuedMillis} after the ALTER was first seen waiting for
   * its lock, or after the run when {@link #NEVER}.
   */
  private HeldLockRun runAgainstAHeldLock(TestDatabase db, String schema, long holdAfterQueuedMillis,
      String moreSettings) throws Exception {
    FlywayCommandLine flyway = FlywayCommandLine.install(home, "lib");
    Path sql = flyway.write("sql/" + schema + "/V1__create_orders.sql", V1).getParent();
    Path conf = flyway.write("conf/flyway.conf", connection(db, schema, sql) + """
        flyway.callbacks=%s
        flyway.postgresql.transactional.lock=false
        flyway.zdm.lockTimeout=500ms
        """.formatted(CALLBACK) + moreSettings);
    assertThat(flyway.run(Map.of(), "migrate", "-configFiles=" + conf).exitCode()).isZero();
    flyway.write("sql/" + schema + "/V2__add_created_at.sql", "ALTER TABLE orders ADD COLUMN created_at timestamptz;\n");

    try (Connection blocker = db.connect()) {
      blocker.setAutoCommit(false);
      int pid;
      try (Statement statement = blocker.createStatement()) {
        statement.execute("SET application_name = 'nightly-report'");
        try (ResultSet rs = statement.executeQuery("SELECT pg_backend_pid()")) {
          rs.next();
          pid = rs.getInt(1);
        }
        // the blocker: a report reading the table in a transaction it keeps open
        statement.execute("SELECT count(*) FROM " + schema + ".orders");
      }
      CompletableFuture<Void> release = holdAfterQueuedMillis == NEVER ? CompletableFuture.completedFuture(null)
          : CompletableFuture.runAsync(() -> {
            try {
              awaitAQueuedAlter(db, schema);
              Thread.sleep(holdAfterQueuedMillis);
              blocker.rollback();
            } catch (Exception e) {
              throw new IllegalStateException(e);
            }
          });
      FlywayCommandLine.Run run = flyway.run(Map.of(), "migrate", "-configFiles=" + conf);
      release.get(60, TimeUnit.SECONDS);
      blocker.rollback();
      return new HeldLockRun(run, pid);
    }
  }

  /** Polls until a session waits for a lock on the schema's orders table; bounded by 120 s. */
  private static void awaitAQueuedAlter(TestDatabase db, String schema) throws Exception {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
    String waiting = "SELECT count(*) FROM pg_locks WHERE NOT granted AND relation = to_regclass('" + schema + ".orders')";
    while (db.queryLong(waiting) == 0) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("no session queued for a lock on " + schema + ".orders within 120 s");
      }
      Thread.sleep(20);
    }
  }

  private record HeldLockRun(FlywayCommandLine.Run run, int blockerPid) {}

  private static Path migrations(FlywayCommandLine flyway, String folder) throws Exception {
    flyway.write("sql/" + folder + "/V1__create_orders.sql", V1);
    return flyway.write("sql/" + folder + "/V2__add_created_at.sql", V2).getParent();
  }

  private static String connection(TestDatabase db, String schema, Path sql) {
    return """
        flyway.url=%s
        flyway.user=%s
        flyway.password=%s
        flyway.schemas=%s
        flyway.locations=filesystem:%s
        """.formatted(db.jdbcUrl(), db.user(), nullToEmpty(db.password()), schema, sql);
  }

  private static long appliedVersions(TestDatabase db, String schema) throws Exception {
    return db.queryLong("SELECT count(*) FROM " + schema + ".flyway_schema_history WHERE version IS NOT NULL AND success");
  }

  private static String nullToEmpty(String value) {
    return value == null ? "" : value;
  }
}
