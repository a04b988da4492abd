package dev.flywayzdm.internal.backfill;

import dev.flywayzdm.internal.pg.QualifiedName;
import dev.flywayzdm.internal.pg.TableCatalog;
import dev.flywayzdm.internal.step.StepContext;
import java.sql.Array;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.flywaydb.core.api.configuration.Configuration;

/**
 * Where one unfinished backfill stands, as its checkpoint row in {@code flyway_zdm_backfill} says:
 * for operators watching a long backfill (the Spring Boot starter's {@code /actuator/zdm}). Read only;
 * times are the database's ({@code timestamptz}).
 *
 * @param migration the backfill migration ({@code V8__backfill_orders_amount_cents})
 * @param targetTable the table it updates, quoted
 * @param status {@code walking} or {@code final pass}
 * @param lastKey the key of the last committed batch; empty before the first batch of a pass
 * @param rowsDone rows updated so far, over every pass and every earlier interrupted run
 * @param keysWalked keys the walk has passed
 * @param batches committed batches
 * @param startedAt when the backfill started
 * @param updatedAt when its last batch committed: a backfill whose run died stays here, with an old time
 */
public record BackfillProgress(String migration, String targetTable, String status, Optional<String> lastKey, long rowsDone,
    long keysWalked, long batches, Instant startedAt, Instant updatedAt) {

  /**
   * Every backfill that has not finished, oldest first; empty when no backfill ever ran (no table).
   * Safe on any connection: a missing table is found with {@code to_regclass}, not a failing query.
   */
  public static List<BackfillProgress> unfinished(Connection connection, Configuration configuration) throws SQLException {
    QualifiedName table = StepContext.checkpointTable(configuration);
    List<BackfillProgress> rows = new ArrayList<>();
    if (!TableCatalog.exists(connection, table)) {
      return rows;
    }
    try (Statement statement = connection.createStatement();
        ResultSet row = statement.executeQuery("SELECT migration, target_table, status, last_key, rows_done, keys_walked,"
            + " batches, started_at, updated_at FROM " + table.quoted() + " WHERE status <> '" + Checkpoint.Status.DONE.text
            + "' ORDER BY started_at, migration")) {
      while (row.next()) {
        Array key = row.getArray(4);
        rows.add(new BackfillProgress(row.getString(1), row.getString(2), row.getString(3),
            Optional.ofNullable(key == null ? null : Arrays.toString((Object[]) key.getArray())), row.getLong(5),
            row.getLong(6), row.getLong(7), row.getObject(8, OffsetDateTime.class).toInstant(),
            row.getObject(9, OffsetDateTime.class).toInstant()));
      }
    }
    return rows;
  }
}
