package dev.flywayzdm.internal.dualwrite;

import dev.flywayzdm.internal.pg.Identifier;
import dev.flywayzdm.internal.pg.LockedDdl;
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

  private final LockedDdl ddl;
  private final DualWriteSpec spec;
  private final int batchSize;

  public DualWriteBackfill(LockedDdl ddl, DualWriteSpec spec, int batchSize) {
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
    String sql = "WITH zdm_batch AS (SELECT " + keys + " FROM " + spec.table().quoted() + " %s ORDER BY " + keys
        + " LIMIT ?), zdm_touched AS (UPDATE " + spec.table().quoted() + " AS zdm_row SET "
        + DualWriteInstaller.backfillSetClause(spec) + " FROM zdm_batch WHERE (" + join(key, k -> "zdm_row." + k.quoted())
        + ") = (" + join(key, k -> "zdm_batch." + k.quoted()) + ") AND zdm_row." + spec.newColumn().quoted()
        + " IS NULL AND zdm_row." + spec.oldColumn().quoted() + " IS NOT NULL RETURNING 1)"
        + " SELECT (SELECT count(*) FROM zdm_touched), " + join(key, k -> k.quoted() + "::text")
        + " FROM zdm_batch ORDER BY " + join(key, k -> k.quoted() + " DESC") + " LIMIT 1";
    String first = sql.formatted("");
    String next = sql.formatted("WHERE (" + keys + ") > (" + join(key, k -> "CAST(? AS " + types.get(k) + ")") + ")");

    long filled = 0;
    long lastLog = System.nanoTime();
    String[] last = null;
    while (true) {
      String[] from = last;
      String[] result = ddl.transaction("backfilling " + spec.describe(), spec.table().quoted(), tx -> {
        try (PreparedStatement statement = tx.prepareStatement(from == null ? first : next)) {
          int p = 1;
          if (from != null) {
            for (String value : from) {
              statement.setString(p++, value);
            }
          }
          statement.setInt(p, batchSize);
          try (ResultSet rows = statement.executeQuery()) {
            if (!rows.next()) {
              return null;
            }
            String[] row = new String[key.size() + 1];
            for (int i = 0; i <= key.size(); i++) {
              row[i] = rows.getString(i + 1);
            }
            return row;
          }
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

  private static String join(List<Identifier> key, Function<Identifier, String> each) {
    return key.stream().map(each).collect(Collectors.joining(", "));
  }
}
