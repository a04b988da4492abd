package dev.flywayzdm.internal.backfill.throttle;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flywayzdm.testsupport.TestDatabase;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.TimeUnit;

/**
 * The streaming standby of the test server ({@code scripts/postgres standby}, which prints
 * {@code ZDM_TEST_STANDBY_JDBC_URL}). A test that needs one fails, never skips, when there is none.
 */
final class Standby implements AutoCloseable {

  static final String VARIABLE = "ZDM_TEST_STANDBY_JDBC_URL";
  private static final String LAG = "SELECT coalesce(max(pg_wal_lsn_diff(pg_current_wal_lsn(), replay_lsn)), 0)::bigint"
      + " FROM pg_stat_replication WHERE state IS DISTINCT FROM 'backup'";

  private final Connection connection;

  private Standby(Connection connection) {
    this.connection = connection;
  }

  /** Connects to the standby and waits (bounded) until the primary of {@code db} sees it streaming and caught up. */
  static Standby of(TestDatabase db) throws Exception {
    String url = System.getenv(VARIABLE);
    assertThat(url).as("no streaming standby: " + VARIABLE + " is unset. Start one beside the test server with"
        + " eval \"$(scripts/postgres standby " + System.getenv().getOrDefault("ZDM_TEST_PG_MAJOR", "17")
        + ")\" (scripts/matrix does it for every cell)").isNotBlank();
    Standby standby = new Standby(DriverManager.getConnection(url, db.user(), db.password()));
    assertThat(standby.query("SELECT pg_is_in_recovery()::int")).as(url + " is not a standby").isEqualTo(1);
    standby.resume();
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
    try (Connection primary = db.connect(); Statement statement = primary.createStatement()) {
      while (true) {
        try (ResultSet rows = statement.executeQuery("SELECT count(*) FROM pg_stat_replication WHERE state = 'streaming'")) {
          rows.next();
          if (rows.getLong(1) > 0) {
            break;
          }
        }
        assertThat(System.nanoTime()).as("the standby at " + url + " does not stream from the test server").isLessThan(deadline);
        Thread.sleep(100);
      }
      // Caught up with what the test wrote so far (the table it backfills), so the lag starts near zero.
      while (lagBytes(primary) > 64 << 10) {
        assertThat(System.nanoTime()).as("the standby at " + url + " does not catch up").isLessThan(deadline);
        Thread.sleep(100);
      }
    }
    return standby;
  }

  /** Stops replay: WAL is still received, only replay_lsn stands still, so the lag in bytes grows with every write. */
  void pause() throws SQLException {
    query("SELECT 1 FROM (SELECT pg_wal_replay_pause()) p");
  }

  void resume() throws SQLException {
    query("SELECT 1 FROM (SELECT pg_wal_replay_resume()) p");
  }

  /** The largest lag in bytes the primary sees now. */
  static long lagBytes(Connection primary) throws SQLException {
    try (Statement statement = primary.createStatement(); ResultSet rows = statement.executeQuery(LAG)) {
      rows.next();
      return rows.getLong(1);
    }
  }

  /** Waits (bounded) until the primary sees at least {@code bytes} of lag. */
  static void awaitLag(Connection primary, long bytes) throws Exception {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
    while (lagBytes(primary) < bytes) {
      assertThat(System.nanoTime()).as("the lag never reached " + bytes + " bytes").isLessThan(deadline);
      Thread.sleep(50);
    }
  }

  private long query(String sql) throws SQLException {
    try (Statement statement = connection.createStatement(); ResultSet rows = statement.executeQuery(sql)) {
      rows.next();
      return rows.getLong(1);
    }
  }

  /** Resumes replay, whatever the test did, so no later test meets a paused standby. */
  @Override
  public void close() throws SQLException {
    try (connection) {
      resume();
    }
  }
}
