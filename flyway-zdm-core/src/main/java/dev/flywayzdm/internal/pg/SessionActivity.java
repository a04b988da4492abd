package dev.flywayzdm.internal.pg;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Who else is on the server: the sessions that block a backend, that hold locks on a table, or
 * that keep old transactions open. Read from {@code pg_stat_activity}, {@code pg_locks} and
 * {@code pg_blocking_pids}; needs no privilege beyond {@code pg_read_all_stats} to see queries of
 * other roles (without it, their query text reads {@code <insufficient privilege>}).
 */
public final class SessionActivity {

  // Not String.formatted: that writes the number in the default locale's digits (٢٠٠ under ar-SA), which is no SQL.
  private static final String COLUMNS = """
      a.pid, coalesce(a.usename, '') AS usename, coalesce(a.application_name, '') AS application_name,
      coalesce(a.state, '') AS state,
      coalesce(extract(epoch FROM clock_timestamp() - a.xact_start) * 1000, 0)::bigint AS xact_age_ms,
      left(regexp_replace(coalesce(a.query, ''), '\\s+', ' ', 'g'), QUERY_HEAD_CHARS) AS query_head
      """.replace("QUERY_HEAD_CHARS", Integer.toString(SessionInfo.QUERY_HEAD_CHARS));

  private SessionActivity() {}

  /** The sessions that {@code pid} is waiting for right now ({@code pg_blocking_pids}). */
  public static List<SessionInfo> blockersOf(Connection connection, int pid) throws SQLException {
    String sql = "SELECT " + COLUMNS + ", '' AS lock_mode FROM pg_stat_activity a "
        + "WHERE a.pid = ANY (pg_blocking_pids(?)) ORDER BY a.xact_start NULLS LAST";
    try (PreparedStatement statement = connection.prepareStatement(sql)) {
      statement.setInt(1, pid);
      return read(statement);
    }
  }

  /**
   * Sessions other than this one that hold or await a lock on the relation (granted first, then
   * waiting), with the strongest such lock: after a lock timeout, these are who was in the way.
   *
   * @param relation a quoted, possibly schema-qualified relation name (see {@link QualifiedName#quoted()})
   */
  public static List<SessionInfo> lockersOf(Connection connection, String relation) throws SQLException {
    String sql = "SELECT " + COLUMNS + ", string_agg(DISTINCT l.mode || CASE WHEN l.granted THEN '' ELSE ' (waiting)' END, ', ')"
        + " AS lock_mode FROM pg_locks l JOIN pg_stat_activity a ON a.pid = l.pid"
        + " WHERE l.relation = to_regclass(?) AND l.pid <> pg_backend_pid()"
        + " GROUP BY a.pid, a.usename, a.application_name, a.state, a.xact_start, a.query"
        + " ORDER BY bool_or(l.granted) DESC, a.xact_start NULLS LAST";
    try (PreparedStatement statement = connection.prepareStatement(sql)) {
      statement.setString(1, relation);
      return read(statement);
    }
  }

  /** Other sessions of this database whose transaction has been open longer than {@code age}. */
  public static List<SessionInfo> transactionsOlderThan(Connection connection, Duration age) throws SQLException {
    String sql = "SELECT " + COLUMNS + ", '' AS lock_mode FROM pg_stat_activity a"
        + " WHERE a.datname = current_database() AND a.pid <> pg_backend_pid() AND a.xact_start IS NOT NULL"
        + " AND clock_timestamp() - a.xact_start > ? * interval '1 millisecond'"
        + " ORDER BY a.xact_start";
    try (PreparedStatement statement = connection.prepareStatement(sql)) {
      statement.setLong(1, age.toMillis());
      return read(statement);
    }
  }

  /**
   * Other sessions of this database holding an advisory lock: Flyway's own lock is one, so a
   * migrate that waits for it (another migrate, or the orphaned statement of a killed run) can say
   * who it waits for.
   */
  public static List<SessionInfo> advisoryLockHolders(Connection connection) throws SQLException {
    String sql = "SELECT " + COLUMNS + ", 'advisory lock' AS lock_mode FROM pg_stat_activity a"
        + " WHERE a.datname = current_database() AND a.pid <> pg_backend_pid() AND a.pid IN (SELECT l.pid FROM pg_locks l"
        + " WHERE l.locktype = 'advisory' AND l.granted AND l.database = (SELECT oid FROM pg_database"
        + " WHERE datname = current_database()))"
        + " ORDER BY a.xact_start NULLS LAST";
    try (PreparedStatement statement = connection.prepareStatement(sql)) {
      return read(statement);
    }
  }

  /** This connection's backend pid. */
  public static int backendPid(Connection connection) throws SQLException {
    try (PreparedStatement statement = connection.prepareStatement("SELECT pg_backend_pid()");
        ResultSet rows = statement.executeQuery()) {
      rows.next();
      return rows.getInt(1);
    }
  }

  private static List<SessionInfo> read(PreparedStatement statement) throws SQLException {
    List<SessionInfo> sessions = new ArrayList<>();
    try (ResultSet rows = statement.executeQuery()) {
      while (rows.next()) {
        sessions.add(new SessionInfo(
            rows.getInt("pid"),
            rows.getString("usename"),
            rows.getString("application_name"),
            rows.getString("state"),
            Duration.ofMillis(rows.getLong("xact_age_ms")),
            rows.getString("lock_mode"),
            rows.getString("query_head")));
      }
    }
    return sessions;
  }
}
