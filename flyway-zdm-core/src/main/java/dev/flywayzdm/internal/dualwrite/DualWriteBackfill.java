package dev.flywayzdm.internal.dualwrite;

import dev.flywayzdm.internal.pg.Identifier;
import dev.flywayzdm.migration.MigrationRun;
import dev.flywayzdm.internal.pg.TableCatalog;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * INTERIM until branch backfill's batched-update engine lands: walks the primary key in batches,
 * each a short transaction under lock_timeout with retry, touching {@code SET old = old} on rows
 * whose new column is still empty so the trigger fills it. Restartable: a rerun finds the rows
 * still empty.
 */
public final class DualWriteBackfill {

  private final MigrationRun ddl;
  private final DualWriteSpec spec;
  private final int batchSize;

  public DualWriteBackfill(MigrationRun ddl, DualWriteSpec spec, int batchSize) {
    this.ddl = ddl;
    this.spec = spec;
    this.batchSize = batchSize;
  }

  /** Returns how many rows were filled. */
  public long run() throws SQLException {
    List<Identifier> key = TableCatalog.primaryKey(ddl.connection(), spec.table());
    if (key.isEmpty()) {
      throw new IllegalStateException(ddl.name() + ": table " + spec.table()
          + " has no primary key; flyway-zdm backfills in batches along it. Add one first.");
    }
    Map<Identifier, String> types = TableCatalog.columns(ddl.connection(), spec.table()).stream()
        .collect(Collectors.toMap(TableCatalog.Column::name, TableCatalog.Column::type));
    String keys = join(key, Identifier::quoted);
    String after = "(" + keys + ") > (" + join(key, k -> "CAST(? AS " + types.get(k) + ")") + ")";
    // The batch's last key first, then an UPDATE bounded by a key range: both walk the primary key
    // index, where joining the batch's keys lets the planner scan the whole table per batch.
    String upper = "SELECT " + join(key, k -> k.quoted() + "::text") + " FROM (SELECT " + keys + " FROM "
        + spec.table().quoted() + " %s ORDER BY " + keys + " LIMIT ?) AS zdm_batch ORDER BY "
        + join(key, k -> k.quoted() + " DESC") + " LIMIT 1";
    String firstUpper = upper.formatted("");
    String nextUpper = upper.formatted("WHERE " + after);
    String update = "UPDATE " + spec.table().quoted() + " SET " + DualWriteInstaller.backfillSetClause(spec)
        + " WHERE %s (" + keys + ") <= (" + join(key, k -> "CAST(? AS " + types.get(k) + ")") + ") AND "
        + DualWriteInstaller.backfillPredicate(spec);
    String firstUpdate = update.formatted("");
    String nextUpdate = update.formatted(after + " AND");

    long filled = 0;
    long lastLog = System.nanoTime();
    String[] last = null;
    while (true) {
      String[] from = last;
      String[] result = ddl.transaction("backfilling " + spec.describe(), spec.table().quoted(), tx -> {
        String[] to;
        try (PreparedStatement statement = tx.prepareStatement(from == null ? firstUpper : nextUpper)) {
          int p = bind(statement, 1, from);
          statement.setInt(p, batchSize);
          try (ResultSet rows = statement.executeQuery()) {
            if (!rows.next()) {
              return null;
            }
            to = new String[key.size()];
            for (int i = 0; i < to.length; i++) {
              to[i] = rows.getString(i + 1);
            }
          }
        }
        try (PreparedStatement statement = tx.prepareStatement(from == null ? firstUpdate : nextUpdate)) {
          bind(statement, bind(statement, 1, from), to);
          String[] row = new String[key.size() + 1];
          row[0] = Integer.toString(statement.executeUpdate());
          System.arraycopy(to, 0, row, 1, to.length);
          return row;
        }
      });
      if (result == null) {
        ddl.info("backfilled {} rows of {}", filled, spec.describe());
        return filled;
      }
      filled += Long.parseLong(result[0]);
      last = java.util.Arrays.copyOfRange(result, 1, result.length);
      if (System.nanoTime() - lastLog > 5_000_000_000L) {
        ddl.info("backfilled {} rows of {} so far", filled, spec.describe());
        lastLog = System.nanoTime();
      }
    }
  }

  private static int bind(PreparedStatement statement, int first, String[] values) throws SQLException {
    int p = first;
    if (values != null) {
      for (String value : values) {
        statement.setString(p++, value);
      }
    }
    return p;
  }

  private static String join(List<Identifier> key, Function<Identifier, String> each) {
    return key.stream().map(each).collect(Collectors.joining(", "));
  }
}
