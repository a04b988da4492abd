package dev.flywayzdm.internal.backfill;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;

/**
 * The SQL of a backfill's batches over ranges of the walk key: finding the next range of keys,
 * cutting it at the batch size's matching rows, and updating the rows of a range. Every statement
 * binds the key values as text parameters; only identifiers and the user's SET and WHERE go into
 * the text. {@link BackfillRunner} decides which pass asks for what.
 */
final class KeyRangeSql {

  /** @param matching rows of the range that match; -1 when not known before the UPDATE */
  record Range(long keys, long matching, String[] upper) {}

  private final String migration;
  private final BackfillSpec spec;
  private final WalkKey key;

  KeyRangeSql(String migration, BackfillSpec spec, WalkKey key) {
    this.migration = migration;
    this.spec = spec;
    this.key = key;
  }

  /** The next {@code batchSize} keys after {@code lower}: their count and the last. */
  Optional<Range> range(Connection tx, Optional<String[]> lower, String[] end, int batchSize) throws SQLException {
    // One key column: count and max stream over the index-only scan. A composite key (or a uuid) has no max(), so its range
    // is materialized and sorted once more (about 2 ms per 1,000 keys more, measured at 20,000 keys).
    String sql = key.singleWithMax()
        ? "SELECT count(*), CAST(max(r." + key.orderBy("") + ") AS text) FROM (SELECT " + key.orderBy("") + " FROM "
            + spec.table().quoted() + " WHERE " + inRange(lower) + " ORDER BY " + key.orderBy("") + " LIMIT ?) r HAVING count(*) > 0"
        : "WITH walk_range AS (SELECT " + key.orderBy("") + " FROM " + spec.table().quoted() + " WHERE " + inRange(lower)
        + " ORDER BY " + key.orderBy("") + " LIMIT ?)"
        + " SELECT (SELECT count(*) FROM walk_range), " + key.asText("r") + " FROM walk_range r ORDER BY " + key.orderBy("r", " DESC") + " LIMIT 1";
    try (PreparedStatement statement = tx.prepareStatement(sql)) {
      int index = bind(statement, 1, lower);
      index = bind(statement, index, Optional.of(end));
      statement.setInt(index, batchSize);
      try (ResultSet rows = statement.executeQuery()) {
        if (!rows.next()) {
          return Optional.empty();
        }
        // Unknown: the UPDATE finds out (and with SKIP LOCKED only it can).
        return Optional.of(new Range(rows.getLong(1), -1, upper(rows, 2)));
      }
    }
  }

  /**
   * The next keys after {@code lower}, at most {@code window} of them, and, unless counting,
   * only up to just before the ({@code batchSize} + 1)-th row that matches: how many keys, how
   * many of them match, and the last. The window bounds what each statement reads however few
   * rows match; the common case (at most {@code batchSize} matches) costs an index-only scan and
   * one aggregate over the window.
   */
  Optional<Range> matchingRange(Connection tx, Optional<String[]> lower, String[] end, boolean counting, int batchSize,
      int window) throws SQLException {
    String table = spec.table().quoted();
    String[] upper = end;
    try (PreparedStatement statement = tx.prepareStatement("SELECT " + key.asText("t") + " FROM " + table + " t WHERE "
        + inRange(lower) + " ORDER BY " + key.orderBy("t", "") + " OFFSET ? LIMIT 1")) {
      int index = bind(statement, 1, lower);
      index = bind(statement, index, Optional.of(end));
      statement.setInt(index, window - 1);
      try (ResultSet rows = statement.executeQuery()) {
        if (rows.next()) {
          upper = upper(rows, 1);
        }
      }
    }
    long keys;
    long matching;
    try (PreparedStatement statement = tx.prepareStatement("SELECT count(*), count(*) FILTER (WHERE coalesce(("
        + spec.where() + "), false)) FROM " + table + " WHERE " + inRange(lower))) {
      int index = bind(statement, 1, lower);
      bind(statement, index, Optional.of(upper));
      try (ResultSet rows = statement.executeQuery()) {
        rows.next();
        keys = rows.getLong(1);
        matching = rows.getLong(2);
      }
    }
    if (keys == 0) {
      return Optional.empty();
    }
    if (counting || matching <= batchSize) {
      return Optional.of(new Range(keys, matching, upper));
    }
    return Optional.of(cut(tx, lower, upper, batchSize));
  }

  /** The keys of (lower, upper] up to just before the ({@code batchSize} + 1)-th that matches. */
  private Range cut(Connection tx, Optional<String[]> lower, String[] upper, int batchSize) throws SQLException {
    String sql = "SELECT w.zdm_keys, w.zdm_hits, " + key.asText("w") + " FROM ("
        + " SELECT " + key.orderBy("s", "") + ","
        + " row_number() OVER (ORDER BY " + key.orderBy("s", "") + " ROWS UNBOUNDED PRECEDING) AS zdm_keys,"
        + " count(*) FILTER (WHERE s.zdm_hit) OVER (ORDER BY " + key.orderBy("s", "") + " ROWS UNBOUNDED PRECEDING) AS zdm_hits"
        + " FROM (SELECT " + key.orderBy("") + ", coalesce((" + spec.where() + "), false) AS zdm_hit"
        + " FROM " + spec.table().quoted() + " WHERE " + inRange(lower) + " ORDER BY " + key.orderBy("") + ") s) w"
        + " WHERE w.zdm_hits <= ? ORDER BY w.zdm_keys DESC LIMIT 1";
    try (PreparedStatement statement = tx.prepareStatement(sql)) {
      int index = bind(statement, 1, lower);
      index = bind(statement, index, Optional.of(upper));
      statement.setLong(index, batchSize);
      try (ResultSet rows = statement.executeQuery()) {
        if (!rows.next()) {
          return new Range(0, 0, upper); // deleted since the count: nothing to do up to upper
        }
        return new Range(rows.getLong(1), rows.getLong(2), upper(rows, 3));
      }
    }
  }

  /** Updates the rows of (lower, upper] that match; fails if the SET leaves any of them matching. */
  long update(Connection tx, Optional<String[]> lower, String[] upper, boolean walk) throws SQLException {
    String table = spec.table().quoted();
    // The range is on the UPDATE itself, not only in IN (...): else the planner may join the locked keys against a
    // sequential scan of the whole table, once per batch (400 ms instead of 50 ms a batch of 5,000 at 1M rows).
    // The final pass waits for rows the application holds (lock_timeout, retried); the UPDATE rechecks the
    // predicate on the row version it locks, so a row the application changed meanwhile is not updated twice.
    String rowsToUpdate = walk
        ? inRange(lower) + " AND " + key.tuple() + " IN (SELECT " + key.orderBy("") + " FROM " + table
            + " WHERE " + inRange(lower) + " AND (" + spec.where() + ") FOR UPDATE SKIP LOCKED)"
        : inRange(lower) + " AND (" + spec.where() + ")";
    String sql = "WITH done AS (UPDATE " + table + " SET " + spec.set() + " WHERE " + rowsToUpdate
        + " RETURNING coalesce((" + spec.where() + "), false) AS still, CAST(" + keyRow() + " AS text) AS key)"
        + " SELECT count(*), count(*) FILTER (WHERE still), min(key) FILTER (WHERE still) FROM done";
    try (PreparedStatement statement = tx.prepareStatement(sql)) {
      int index = bind(statement, 1, lower);
      index = bind(statement, index, Optional.of(upper));
      if (walk) {
        index = bind(statement, index, lower);
        bind(statement, index, Optional.of(upper));
      }
      try (ResultSet rows = statement.executeQuery()) {
        rows.next();
        if (rows.getLong(2) > 0) {
          throw new IllegalStateException(migration + ": after SET " + spec.set() + ", " + rows.getLong(2) + " rows of "
              + spec.table() + " still match \"" + spec.where() + "\" (e.g. key " + rows.getString(3) + "). The predicate"
              + " must select exactly the rows that still need work and the SET must make them stop matching;"
              + " otherwise rows would be updated again. Nothing of this batch was committed.");
        }
        return rows.getLong(1);
      }
    }
  }

  /**
   * {@code key > ? AND key <= ?} (no lower bound when {@code lower} is empty); bind the lower
   * bound if present, then the upper.
   */
  private String inRange(Optional<String[]> lower) {
    return (lower.isPresent() ? key.tuple() + " > " + key.parameters() + " AND " : "") + key.tuple() + " <= " + key.parameters();
  }

  private String[] upper(ResultSet rows, int firstColumn) throws SQLException {
    String[] upper = new String[key.size()];
    for (int i = 0; i < upper.length; i++) {
      upper[i] = rows.getString(firstColumn + i);
    }
    return upper;
  }

  private String keyRow() {
    return key.size() == 1 ? key.tuple() : "ROW" + key.tuple();
  }

  private int bind(PreparedStatement statement, int index, Optional<String[]> values) throws SQLException {
    if (values.isPresent()) {
      for (String value : values.get()) {
        statement.setString(index++, value);
      }
    }
    return index;
  }
}
