package dev.flywayzdm.internal.lockfirst;

import dev.flywayzdm.internal.pg.SessionInfo;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The sessions in the way of one lock: those holding a conflicting lock on the table, then those
 * queued for one ahead of us. Read on the migration's own connection between attempts (its
 * transaction is usable again after {@code ROLLBACK TO SAVEPOINT}).
 *
 * @param sessions holders first, then waiters
 * @param transactions one key per blocking transaction (pid and start), to tell one long transaction
 *     from a succession of short ones
 */
record LockHolders(List<SessionInfo> sessions, Set<String> transactions) {

  private static final String SQL = """
      SELECT a.pid, coalesce(a.usename, '') AS usename, coalesce(a.application_name, '') AS application_name,
        coalesce(a.state, '') AS state,
        coalesce(extract(epoch FROM clock_timestamp() - a.xact_start) * 1000, 0)::bigint AS xact_age_ms,
        coalesce((extract(epoch FROM a.xact_start) * 1000)::bigint, 0) AS xact_start_ms,
        left(regexp_replace(coalesce(a.query, ''), '\\s+', ' ', 'g'), 200) AS query_head,
        string_agg(DISTINCT l.mode || CASE WHEN l.granted THEN '' ELSE ' (waiting)' END, ', ') AS lock_mode,
        bool_or(l.granted) AS holds
      FROM pg_locks l JOIN pg_stat_activity a ON a.pid = l.pid
      WHERE l.locktype = 'relation' AND l.relation = to_regclass(?) AND l.pid <> pg_backend_pid()
        AND l.mode = ANY (?)
      GROUP BY a.pid, a.usename, a.application_name, a.state, a.xact_start, a.query
      ORDER BY bool_or(l.granted) DESC, a.xact_start NULLS LAST
      """;

  static final LockHolders UNKNOWN = new LockHolders(List.of(), Set.of());

  /** Looks them up; this session's statistics snapshot is cleared first, or a transaction would see stale activity. */
  static LockHolders of(Connection connection, LockTarget target) throws SQLException {
    try (Statement clear = connection.createStatement()) {
      clear.execute("SELECT pg_stat_clear_snapshot()");
    }
    List<SessionInfo> sessions = new ArrayList<>();
    Set<String> transactions = new HashSet<>();
    try (PreparedStatement query = connection.prepareStatement(SQL)) {
      query.setString(1, target.relation());
      Array modes = connection.createArrayOf("text", LockConflicts.pgModesConflictingWith(target.mode()).toArray());
      query.setArray(2, modes);
      try (ResultSet rows = query.executeQuery()) {
        while (rows.next()) {
          sessions.add(new SessionInfo(rows.getInt("pid"), rows.getString("usename"), rows.getString("application_name"),
              rows.getString("state"), Duration.ofMillis(rows.getLong("xact_age_ms")), rows.getString("lock_mode"),
              rows.getString("query_head")));
          transactions.add(rows.getInt("pid") + "@" + rows.getLong("xact_start_ms"));
        }
      }
    }
    return new LockHolders(List.copyOf(sessions), Set.copyOf(transactions));
  }

  /**
   * Whether the way is blocked by other transactions than last time: short transactions taking turns,
   * which a longer attempt outlasts. False when either lookup found nobody (no evidence either way).
   */
  boolean othersThan(LockHolders previous) {
    if (previous == null || transactions.isEmpty() || previous.transactions.isEmpty()) {
      return false;
    }
    Set<String> common = new HashSet<>(transactions);
    common.retainAll(previous.transactions);
    return common.isEmpty();
  }

  /** One clause for a log line: who holds it, who is queued ahead. */
  String describe() {
    if (sessions.isEmpty()) {
      return "no other session holds or awaits a conflicting lock any more";
    }
    StringBuilder text = new StringBuilder("in the way: ");
    for (int i = 0; i < sessions.size(); i++) {
      text.append(i == 0 ? "" : "; ").append(sessions.get(i).describe());
    }
    return text.toString();
  }
}
