package dev.flywayzdm.internal.backfill.throttle;

import dev.flywayzdm.internal.settings.ByteText;
import dev.flywayzdm.internal.settings.DurationText;
import dev.flywayzdm.internal.settings.SettingKey;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import dev.flywayzdm.internal.logging.ZdmLog;

/**
 * Holds a backfill while a standby replays too far behind the primary: reads every row of
 * {@code pg_stat_replication} (except base backups) on the migration's connection, and compares
 * the WAL still to replay ({@code pg_current_wal_lsn() - replay_lsn}, in bytes) and
 * {@code replay_lag} (time) with the limits.
 *
 * <p>Both are read because they miss different things: {@code replay_lag} is measured on WAL the
 * standby has replayed and is NULL when it is idle, while the bytes behind grow with every batch
 * from the moment replay stops (paused, or stuck on a recovery conflict). A role without superuser, {@code pg_monitor} or {@code pg_read_all_stats} sees the rows
 * with {@code state} and the positions NULL: that is logged once as "lag unknown", not read as
 * "no lag" and not waited for forever.
 */
final class ReplicaLag implements Hold {

  private static final ZdmLog LOG = ZdmLog.of(ReplicaLag.class);
  private static final int QUERY_TIMEOUT_SECONDS = 5;
  private static final String SQL = "SELECT coalesce(nullif(application_name, ''), 'pid ' || pid), host(client_addr), state,"
      + " pg_wal_lsn_diff(pg_current_wal_lsn(), replay_lsn)::bigint, (extract(epoch FROM replay_lag) * 1000)::bigint"
      + " FROM pg_stat_replication WHERE state IS DISTINCT FROM 'backup' ORDER BY 1";

  /** One standby as the primary sees it; null fields are what the role may not see (or the standby has not reported). */
  record Standby(String name, String address, String state, Long bytesBehind, Long replayLagMillis) {

    String describe() {
      return "standby " + name + (address == null ? "" : " (" + address + ")");
    }
  }

  private final String migration;
  private final Connection connection;
  private final Duration maxLag;
  private final long maxBytes;
  private boolean toldUnknown;

  ReplicaLag(String migration, Connection connection, Duration maxLag, long maxBytes) {
    this.migration = migration;
    this.connection = connection;
    this.maxLag = maxLag;
    this.maxBytes = maxBytes;
  }

  @Override
  public Optional<String> reason() throws SQLException {
    List<String> behind = new ArrayList<>();
    List<String> unknown = new ArrayList<>();
    for (Standby standby : standbys()) {
      if (standby.state() == null || standby.bytesBehind() == null) {
        unknown.add(standby.describe());
        continue;
      }
      boolean tooManyBytes = maxBytes > 0 && standby.bytesBehind() > maxBytes;
      long lagMillis = standby.replayLagMillis() == null ? 0 : standby.replayLagMillis();
      boolean tooLate = !maxLag.isZero() && lagMillis > maxLag.toMillis();
      if (tooManyBytes || tooLate) {
        behind.add(standby.describe() + " is " + ByteText.roughly(standby.bytesBehind()) + " behind"
            + (tooManyBytes ? " (" + SettingKey.MAX_REPLICA_LAG_BYTES.qualified() + " = " + ByteText.format(maxBytes) + ")" : "")
            + ", replay_lag " + (standby.replayLagMillis() == null ? "none reported"
                : DurationText.format(Duration.ofMillis(lagMillis)))
            + (tooLate ? " (" + SettingKey.MAX_REPLICA_LAG.qualified() + " = " + DurationText.format(maxLag) + ")" : ""));
      }
    }
    if (!unknown.isEmpty() && !toldUnknown) {
      toldUnknown = true;
      LOG.warn("{}: the lag of {} is unknown: pg_stat_replication shows its state and replay position as NULL, as it"
          + " does to a role without superuser, pg_monitor or pg_read_all_stats (GRANT pg_monitor TO the migration's"
          + " role to let the backfill wait for it); the backfill does not wait for it", migration, String.join(", ", unknown));
    }
    return behind.isEmpty() ? Optional.empty() : Optional.of(String.join("; ", behind));
  }

  /** Every standby (streaming or catching up) the primary serves now. */
  List<Standby> standbys() throws SQLException {
    List<Standby> standbys = new ArrayList<>();
    // Autocommit, between batches: a plain read of a statistics view takes no lock worth bounding beyond the query timeout.
    try (Statement statement = connection.createStatement()) {
      statement.setQueryTimeout(QUERY_TIMEOUT_SECONDS);
      try (ResultSet rows = statement.executeQuery(SQL)) {
        while (rows.next()) {
          standbys.add(new Standby(rows.getString(1), rows.getString(2), rows.getString(3),
              (Long) rows.getObject(4, Long.class), (Long) rows.getObject(5, Long.class)));
        }
      }
    }
    return standbys;
  }
}
