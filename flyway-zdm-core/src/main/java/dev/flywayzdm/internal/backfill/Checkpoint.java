package dev.flywayzdm.internal.backfill;

import dev.flywayzdm.internal.pg.QualifiedName;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Optional;

/**
 * The row of {@code flyway_zdm_backfill} that records one backfill migration's progress. It is
 * written in the same transaction as each batch, so after a crash it says exactly which keys are
 * done; operators can read it with plain SQL:
 *
 * <pre>{@code
 * SELECT migration, status, rows_done, keys_walked, total_estimate, rows_per_second, eta, updated_at FROM flyway_zdm_backfill;
 * }</pre>
 */
final class Checkpoint {

  /** The library's table, beside Flyway's schema history. */
  static final String TABLE = "flyway_zdm_backfill";

  /** Where a backfill stands. */
  enum Status {
    /** Walking the key range from the start to the end. */
    WALKING("walking"),
    /** Catching rows written behind the walk (by an application still on the old version). */
    FINAL_PASS("final pass"),
    /** The same, by heap pages: {@code last_key} holds the next page to read ({@link PageSweep}). */
    FINAL_PAGES("final pass by page"),
    DONE("done");

    final String text;

    Status(String text) {
      this.text = text;
    }

    static Status parse(String text) {
      for (Status status : values()) {
        if (status.text.equals(text)) {
          return status;
        }
      }
      throw new IllegalStateException("unknown backfill status '" + text + "' in " + TABLE);
    }
  }

  /** One checkpoint as read. */
  record State(Status status, Optional<String[]> lastKey, long rowsDone, long keysWalked, long batches, String definition) {}

  private final String table;
  private final String migration;

  Checkpoint(QualifiedName table, String migration) {
    this.table = table.quoted();
    this.migration = migration;
  }

  String table() {
    return table;
  }

  /** Creates the table when missing (autocommit, idempotent). */
  void ensureTable(Connection connection) throws SQLException {
    try (Statement statement = connection.createStatement()) {
      statement.execute("CREATE TABLE IF NOT EXISTS " + table + " ("
          + " migration text PRIMARY KEY,"
          + " target_table text NOT NULL,"
          + " definition text NOT NULL,"
          + " status text NOT NULL,"
          + " last_key text[],"
          + " rows_done bigint NOT NULL DEFAULT 0,"
          + " keys_walked bigint NOT NULL DEFAULT 0,"
          + " batches bigint NOT NULL DEFAULT 0,"
          + " final_pass_rows bigint NOT NULL DEFAULT 0,"
          + " remaining bigint,"
          + " total_estimate bigint,"
          + " rows_per_second bigint,"
          + " eta timestamptz,"
          + " started_at timestamptz NOT NULL DEFAULT now(),"
          + " updated_at timestamptz NOT NULL DEFAULT now(),"
          + " finished_at timestamptz)");
      // Tables created by earlier versions lack the progress columns; ALTER only then (it locks the table).
      try (ResultSet missing = statement.executeQuery("SELECT count(*) FROM pg_attribute WHERE attrelid = to_regclass('"
          + table.replace("'", "''") + "') AND attname = 'eta' AND NOT attisdropped")) {
        missing.next();
        if (missing.getLong(1) == 0) {
          statement.execute("ALTER TABLE " + table + " ADD COLUMN IF NOT EXISTS total_estimate bigint,"
              + " ADD COLUMN IF NOT EXISTS rows_per_second bigint, ADD COLUMN IF NOT EXISTS eta timestamptz");
        }
      }
    }
  }

  /** The checkpoint, creating a fresh one when this migration has none yet. */
  State load(Connection connection, String targetTable, String definition) throws SQLException {
    try (PreparedStatement insert = connection.prepareStatement("INSERT INTO " + table
        + " (migration, target_table, definition, status) VALUES (?, ?, ?, ?) ON CONFLICT (migration) DO NOTHING")) {
      insert.setString(1, migration);
      insert.setString(2, targetTable);
      insert.setString(3, definition);
      insert.setString(4, Status.WALKING.text);
      insert.executeUpdate();
    }
    // A row for another table is another backfill under the same migration name (a renamed or reused class): start afresh.
    try (PreparedStatement reset = connection.prepareStatement("UPDATE " + table + " SET target_table = ?, definition = ?,"
        + " status = ?, last_key = NULL, rows_done = 0, keys_walked = 0, batches = 0, final_pass_rows = 0, remaining = NULL,"
        + " started_at = now(), updated_at = now(), finished_at = NULL WHERE migration = ? AND target_table <> ?")) {
      reset.setString(1, targetTable);
      reset.setString(2, definition);
      reset.setString(3, Status.WALKING.text);
      reset.setString(4, migration);
      reset.setString(5, targetTable);
      reset.executeUpdate();
    }
    try (PreparedStatement select = connection.prepareStatement("SELECT status, last_key, rows_done, keys_walked, batches,"
        + " definition FROM " + table + " WHERE migration = ?")) {
      select.setString(1, migration);
      try (ResultSet rows = select.executeQuery()) {
        rows.next();
        Array key = rows.getArray(2);
        return new State(Status.parse(rows.getString(1)), Optional.ofNullable(key == null ? null : (String[]) key.getArray()),
            rows.getLong(3), rows.getLong(4), rows.getLong(5), rows.getString(6));
      }
    }
  }

  /** Records one committed batch; call inside the batch's transaction. */
  void advance(Connection connection, String[] lastKey, long rows, long keys, boolean finalPass, Progress progress)
      throws SQLException {
    try (PreparedStatement update = connection.prepareStatement("UPDATE " + table + " SET last_key = ?, rows_done = rows_done + ?,"
        + " keys_walked = keys_walked + ?, final_pass_rows = final_pass_rows + ?, batches = batches + 1,"
        + " total_estimate = coalesce(?, total_estimate), rows_per_second = ?, eta = clock_timestamp() + make_interval(secs => ?),"
        + " updated_at = clock_timestamp() WHERE migration = ?")) {
      update.setArray(1, connection.createArrayOf("text", lastKey));
      update.setLong(2, rows);
      update.setLong(3, finalPass ? 0 : keys);
      update.setLong(4, finalPass ? rows : 0);
      update.setObject(5, progress.rowEstimate() > 0 ? progress.rowEstimate() : null, java.sql.Types.BIGINT);
      update.setLong(6, progress.rowsPerSecond());
      long eta = progress.etaSeconds();
      update.setObject(7, eta >= 0 ? (double) eta : null, java.sql.Types.DOUBLE);
      update.setString(8, migration);
      update.executeUpdate();
    }
  }

  /** Moves to another status, restarting the key position (autocommit or inside a transaction). */
  void status(Connection connection, Status status, String definition) throws SQLException {
    try (PreparedStatement update = connection.prepareStatement("UPDATE " + table + " SET status = ?, last_key = NULL,"
        + " definition = ?, updated_at = clock_timestamp(), finished_at = NULL WHERE migration = ?")) {
      update.setString(1, status.text);
      update.setString(2, definition);
      update.setString(3, migration);
      update.executeUpdate();
    }
  }

  void finish(Connection connection, long remaining) throws SQLException {
    try (PreparedStatement update = connection.prepareStatement("UPDATE " + table + " SET status = ?, last_key = NULL,"
        + " remaining = ?, eta = clock_timestamp(), updated_at = clock_timestamp(), finished_at = clock_timestamp() WHERE migration = ?")) {
      update.setString(1, Status.DONE.text);
      update.setLong(2, remaining);
      update.setString(3, migration);
      update.executeUpdate();
    }
  }
}
