package dev.flywayzdm.callback;

import dev.flywayzdm.internal.step.SettingsFixture;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.flywayzdm.internal.pg.ConcurrentIndexBuilder;
import dev.flywayzdm.internal.pg.IndexDefinition;
import dev.flywayzdm.internal.pg.QualifiedName;
import dev.flywayzdm.testsupport.PostgresTest;
import dev.flywayzdm.testsupport.TestDatabase;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

/**
 * Issue 12 item 2, behind PgBouncer in transaction pooling: a server connection serves whichever
 * client comes next, so a session setting flyway-zdm left on one (the watcher's timeouts, a
 * migration's lock_timeout) would reach application transactions. After migrations and index
 * builds through PgBouncer, succeeding and failing, every server connection still has the
 * server's own timeouts.
 *
 * <p>Flyway's session advisory lock, which non-transactional migrations need, does not survive
 * transaction pooling (its unlock may reach another server connection: "Unable to release
 * PostgreSQL advisory lock"), so through PgBouncer Flyway runs with its default transactional lock,
 * and the non-transactional work (index builds with their watcher) is driven here directly, as a
 * migration drives it.
 */
@PostgresTest
class PgBouncerTransactionPoolingTest {

  /** PgBouncer's server connections for the test database (scripts/pgbouncer's default). */
  private static final int SERVER_POOL = 5;

  @Test
  void transactionalMigrationsThroughTransactionPoolingLeaveNoSettingOnAServerConnection(TestDatabase db) throws Exception {
    try (PgBouncer bouncer = PgBouncer.start(db, SERVER_POOL)) {
      try (HikariDataSource app = pool(bouncer.jdbcUrl(db), db)) {
        // the test methods share the database: a history table of its own, and a baseline below V1
        TestFlyway.configure(app, "public", "pooled_tx", PooledMigrations.SETTINGS)
            .table("history_transactional").baselineOnMigrate(true).baselineVersion("0")
            .locations("classpath:dev/flywayzdm/callback/pooled_base", "classpath:dev/flywayzdm/callback/pooled_tx")
            .load().migrate();
        new PooledMigrations.FailingRun("division by zero", () -> TestFlyway.configure(app, "public", "pooled_fail_tx",
            PooledMigrations.SETTINGS).table("history_failing").baselineOnMigrate(true).baselineVersion("1")
            .locations("classpath:dev/flywayzdm/callback/pooled_fail_tx").load().migrate()).assertFails();
        assertThat(app.getHikariPoolMXBean().getActiveConnections()).as("client connections flyway-zdm still holds").isZero();
      }
      assertEveryServerConnectionHasTheServersTimeouts(bouncer, db);
    }
  }

  @Test
  void indexBuildsAndTheirWatcherThroughTransactionPoolingLeaveNoSettingOnAServerConnection(TestDatabase db) throws Exception {
    db.execute("CREATE TABLE bounced (id bigint PRIMARY KEY, a int NOT NULL, c text NOT NULL)");
    db.execute("INSERT INTO bounced SELECT g, g, 'group ' || (g % 10) FROM generate_series(1, 20000) g");
    try (PgBouncer bouncer = PgBouncer.start(db, SERVER_POOL)) {
      try (HikariDataSource app = pool(bouncer.jdbcUrl(db), db)) {
        ConcurrentIndexBuilder builder = new ConcurrentIndexBuilder("V7__bounced", SettingsFixture.locks(PooledMigrations.SETTINGS), app::getConnection);
        try (Connection migration = app.getConnection()) {
          // an older transaction the build must wait for, so the watcher polls for a while
          try (Connection older = app.getConnection()) {
            older.setAutoCommit(false);
            try (Statement statement = older.createStatement()) {
              statement.execute("SELECT count(*) FROM bounced");
            }
            CompletableFuture<Void> ends = CompletableFuture.runAsync(() -> sleepThenRollback(older));
            builder.create(migration, IndexDefinition.builder("bounced_a", "bounced").columns("a").build());
            ends.join();
          }
          builder.reindex(migration, QualifiedName.parse("index", "bounced_a"));
          assertThatThrownBy(() -> builder.create(migration,
              IndexDefinition.builder("bounced_c", "bounced").unique().columns("c").build()))
              .hasMessageContaining("duplicate");
          assertThat(builder.drop(migration, QualifiedName.parse("index", "bounced_a"))).isTrue();
        }
        assertThat(app.getHikariPoolMXBean().getActiveConnections()).as("client connections flyway-zdm still holds").isZero();
      }
      assertEveryServerConnectionHasTheServersTimeouts(bouncer, db);
    }
  }

  private static void sleepThenRollback(Connection older) {
    try {
      Thread.sleep(1500);
      older.rollback();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  private static void assertEveryServerConnectionHasTheServersTimeouts(PgBouncer bouncer, TestDatabase db) throws SQLException {
    Set<Integer> servers = serverBackends(db);
    assertThat(servers).as("PgBouncer's server connections used by the migrations").isNotEmpty();

    Map<Integer, Map<String, String>> seen = probeEveryServerConnection(bouncer.jdbcUrl(db), db);

    assertThat(seen.keySet()).as("the probe reached every server connection").containsAll(servers);
    assertThat(seen).allSatisfy((pid, settings) -> assertThat(settings).as("server connection pid " + pid)
        .containsEntry("lock_timeout", "0 (default)")
        .containsEntry("statement_timeout", "0 (default)")
        .containsEntry("idle_in_transaction_session_timeout", "0 (default)")
        .doesNotContainValue("flyway-zdm watcher (session)"));
  }

  private static HikariDataSource pool(String url, TestDatabase db) {
    HikariConfig config = new HikariConfig();
    config.setJdbcUrl(url);
    config.setUsername(db.user());
    config.setPassword(db.password());
    config.setMaximumPoolSize(8);
    return new HikariDataSource(config);
  }

  /**
   * As many transactions through PgBouncer at once as it has server connections: each holds one,
   * so together they see all of them, with their settings as a client's transaction would find them.
   */
  private static Map<Integer, Map<String, String>> probeEveryServerConnection(String url, TestDatabase db) throws SQLException {
    List<Connection> clients = new ArrayList<>();
    Map<Integer, Map<String, String>> seen = new TreeMap<>();
    try {
      for (int i = 0; i < SERVER_POOL; i++) {
        Connection client = DriverManager.getConnection(url, db.user(), db.password());
        clients.add(client);
        client.setAutoCommit(false);
        Map<String, String> settings = PooledConnectionTest.settings(client);
        settings.remove("autocommit");
        seen.put(pid(client), settings);
      }
    } finally {
      for (Connection client : clients) {
        client.rollback();
        client.close();
      }
    }
    return seen;
  }

  private static int pid(Connection connection) throws SQLException {
    try (PreparedStatement statement = connection.prepareStatement("SELECT pg_backend_pid()");
        ResultSet rows = statement.executeQuery()) {
      rows.next();
      return rows.getInt(1);
    }
  }

  /** PgBouncer's server connections to the test database, seen from a direct connection. */
  private static Set<Integer> serverBackends(TestDatabase db) throws SQLException {
    Set<Integer> pids = new TreeSet<>();
    try (Connection direct = db.connect();
        PreparedStatement statement = direct.prepareStatement("SELECT pid FROM pg_stat_activity WHERE datname = current_database()"
            + " AND pid <> pg_backend_pid() AND backend_type = 'client backend'");
        ResultSet rows = statement.executeQuery()) {
      while (rows.next()) {
        pids.add(rows.getInt(1));
      }
    }
    return pids;
  }
}
