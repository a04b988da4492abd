package dev.flywayzdm.callback;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.flywayzdm.config.ZdmSettings;
import dev.flywayzdm.testsupport.PostgresTest;
import dev.flywayzdm.testsupport.TestDatabase;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import org.flywaydb.core.api.FlywayException;
import org.junit.jupiter.api.Test;

/** lock_timeout on every migration, and nothing left behind on the connections Flyway used. */
@PostgresTest
class SessionTimeoutsTest {

  private static final String POOL_SESSION = "SET lock_timeout = '7s'; SET statement_timeout = '77s'";
  private static final ZdmSettings SETTINGS = ZdmSettings.builder()
      .lockTimeout(Duration.ofMillis(1500))
      .statementTimeout(Duration.ofSeconds(45))
      .build();

  @Test
  void everyMigrationRunsWithTheTimeoutsAndTheSessionKeepsItsOwnValuesAfterwards(TestDatabase db) throws Exception {
    try (ReusingDataSource pool = new ReusingDataSource(db, POOL_SESSION)) {
      TestFlyway.withSessionLock(TestFlyway.configure(pool, "leaks", "timeouts", SETTINGS)).load().migrate();

      assertThat(seen(db)).containsExactly(
          Map.entry("V1", "1500ms / 45s"),
          // without a transaction: lock_timeout, but no statement_timeout (concurrent builds may run for hours)
          Map.entry("V2", "1500ms / 77s"),
          // the migration's own SET comes after ours and wins
          Map.entry("V3", "9s / 45s"),
          // ... but does not leak into the next migration
          Map.entry("V4", "1500ms / 45s"));
      assertEveryConnectionKeepsThePoolSession(pool);
    }
  }

  @Test
  void aFailedTransactionalMigrationLeavesNothingBehindAndItsErrorIsNotMasked(TestDatabase db) throws Exception {
    try (ReusingDataSource pool = new ReusingDataSource(db, POOL_SESSION)) {
      assertThatThrownBy(() -> TestFlyway.configure(pool, "fails_tx", "timeouts_failure", SETTINGS).load().migrate())
          .isInstanceOf(FlywayException.class)
          .hasMessageContaining("division by zero")
          .hasMessageNotContaining("25P02");

      assertEveryConnectionKeepsThePoolSession(pool);
    }
  }

  @Test
  void aFailedNonTransactionalMigrationGetsTheSessionValuesBack(TestDatabase db) throws Exception {
    try (ReusingDataSource pool = new ReusingDataSource(db, POOL_SESSION)) {
      assertThatThrownBy(() -> TestFlyway.withSessionLock(
          TestFlyway.configure(pool, "fails_nontx", "timeouts_failure_nontx", SETTINGS)).load().migrate())
          .hasMessageContaining("division by zero");

      assertEveryConnectionKeepsThePoolSession(pool);
    }
  }

  private static void assertEveryConnectionKeepsThePoolSession(ReusingDataSource pool) throws SQLException {
    assertThat(pool.physicalConnections()).as("Flyway used connections of the pool").isNotEmpty();
    for (Connection connection : pool.physicalConnections()) {
      assertThat(show(connection, "lock_timeout")).as("lock_timeout after migrate").isEqualTo("7s");
      assertThat(show(connection, "statement_timeout")).as("statement_timeout after migrate").isEqualTo("77s");
    }
  }

  private static String show(Connection connection, String setting) throws SQLException {
    try (Statement statement = connection.createStatement(); ResultSet rows = statement.executeQuery("SHOW " + setting)) {
      rows.next();
      return rows.getString(1);
    }
  }

  private static Map<String, String> seen(TestDatabase db) throws SQLException {
    Map<String, String> seen = new LinkedHashMap<>();
    try (Connection connection = db.connect(); Statement statement = connection.createStatement();
        ResultSet rows = statement.executeQuery("SELECT migration, lock_timeout || ' / ' || statement_timeout FROM leaks.seen ORDER BY migration")) {
      while (rows.next()) {
        seen.put(rows.getString(1), rows.getString(2));
      }
    }
    return seen;
  }
}
