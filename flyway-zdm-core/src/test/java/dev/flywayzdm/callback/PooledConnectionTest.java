package dev.flywayzdm.callback;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.flywayzdm.testsupport.PostgresTest;
import dev.flywayzdm.testsupport.TestDatabase;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * Issue 12 item 2: flyway-zdm borrows connections from the application's pool (Flyway's data
 * source, in Spring Boot the app's HikariCP pool) and must give every one back exactly as it came:
 * none kept, no setting changed (value or source), no transaction left open. Regression: the
 * index watcher's connection came back with statement_timeout=5s, lock_timeout=1s and
 * application_name 'flyway-zdm watcher', and was never closed when the build ended first.
 */
@PostgresTest
class PooledConnectionTest {

  private static final int POOL_SIZE = 5;
  private static final String APP = "zdm-pool-app";
  private static final List<String> SETTINGS = List.of("lock_timeout", "statement_timeout", "application_name",
      "idle_in_transaction_session_timeout", "idle_session_timeout");

  @Test
  void everyKindOfMigrationGivesThePoolItsConnectionsBackAsTheyCame(TestDatabase db) throws Exception {
    runEveryKindAndCompare(db, "server_defaults", null);
  }

  @Test
  void connectionsWhoseSessionWasSetByThePoolKeepThoseValues(TestDatabase db) throws Exception {
    runEveryKindAndCompare(db, "pool_set", "SET lock_timeout = '7s'; SET statement_timeout = '77s'");
  }

  /** @param schemas a prefix of the schemas of this run: tests may share a database */
  private static void runEveryKindAndCompare(TestDatabase db, String schemas, String initSql) throws Exception {
    try (HikariDataSource pool = pool(db, initSql)) {
      Map<Integer, Map<String, String>> before = sessions(pool);
      assertThat(before).hasSize(POOL_SIZE);

      PooledMigrations.migrateAllKinds(pool, schemas + "_ok");
      for (PooledMigrations.FailingRun failing : PooledMigrations.failingRuns(pool, schemas + "_fail")) {
        failing.assertFails();
      }

      assertThat(pool.getHikariPoolMXBean().getActiveConnections()).as("connections flyway-zdm still holds").isZero();
      assertThat(backendStates(db)).as("every pooled backend idle, none in a transaction")
          .containsOnlyKeys(before.keySet()).allSatisfy((pid, state) -> assertThat(state).isEqualTo("idle"));
      assertThat(sessions(pool)).as("settings (value and source) of every pooled connection").isEqualTo(before);
    }
  }

  private static HikariDataSource pool(TestDatabase db, String initSql) {
    HikariConfig config = new HikariConfig();
    config.setJdbcUrl(db.jdbcUrl());
    config.setUsername(db.user());
    config.setPassword(db.password());
    config.setMaximumPoolSize(POOL_SIZE);
    config.setMinimumIdle(POOL_SIZE);
    config.setConnectionTimeout(30_000);
    config.addDataSourceProperty("ApplicationName", APP);
    if (initSql != null) {
      config.setConnectionInitSql(initSql);
    }
    return new HikariDataSource(config);
  }

  /** Every connection of the pool, all borrowed at once: backend pid -> setting -> value and source. */
  static Map<Integer, Map<String, String>> sessions(javax.sql.DataSource pool) throws SQLException {
    List<Connection> borrowed = new ArrayList<>();
    Map<Integer, Map<String, String>> sessions = new TreeMap<>();
    try {
      for (int i = 0; i < POOL_SIZE; i++) {
        borrowed.add(pool.getConnection());
      }
      for (Connection connection : borrowed) {
        sessions.put(pid(connection), settings(connection));
      }
    } finally {
      for (Connection connection : borrowed) {
        connection.close();
      }
    }
    return sessions;
  }

  static Map<String, String> settings(Connection connection) throws SQLException {
    Map<String, String> values = new TreeMap<>();
    try (PreparedStatement statement = connection.prepareStatement(
        "SELECT name, current_setting(name) || ' (' || source || ')' FROM pg_settings WHERE name = ANY (?)")) {
      statement.setArray(1, connection.createArrayOf("text", SETTINGS.toArray()));
      try (ResultSet rows = statement.executeQuery()) {
        while (rows.next()) {
          values.put(rows.getString(1), rows.getString(2));
        }
      }
    }
    values.put("autocommit", String.valueOf(connection.getAutoCommit()));
    return values;
  }

  private static int pid(Connection connection) throws SQLException {
    try (PreparedStatement statement = connection.prepareStatement("SELECT pg_backend_pid()");
        ResultSet rows = statement.executeQuery()) {
      rows.next();
      return rows.getInt(1);
    }
  }

  /** The pool's backends as the server sees them, from a connection of the test's own. */
  private static Map<Integer, String> backendStates(TestDatabase db) throws SQLException {
    Map<Integer, String> states = new TreeMap<>();
    try (Connection connection = db.connect();
        PreparedStatement statement = connection.prepareStatement(
            "SELECT pid, state FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid()"
                + " AND backend_type = 'client backend' AND usename = current_user AND application_name = ?")) {
      statement.setString(1, APP);
      try (ResultSet rows = statement.executeQuery()) {
        while (rows.next()) {
          states.put(rows.getInt(1), rows.getString(2));
        }
      }
    }
    return states;
  }
}
