package dev.flywayzdm.migration;

import dev.flywayzdm.internal.settings.DurationText;
import dev.flywayzdm.internal.backfill.BackfillSpec;
import dev.flywayzdm.internal.pg.Identifier;
import dev.flywayzdm.internal.pg.QualifiedName;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * What a {@link BatchedBackfillMigration} updates: a table, a SET clause, and the predicate of the
 * rows that still need it. The SET must make a row stop matching the predicate (that is how the
 * backfill knows a row is done). Names are taken literally and quoted; {@code set} and
 * {@code where} are SQL. Immutable: every method checks its argument at once and returns a new
 * description.
 *
 * <pre>{@code
 * Backfill.table("users").set("display_name = name").where("display_name IS NULL");
 * Backfill.table("sales.orders").set("total_cents = round(total * 100)").where("total_cents IS NULL")
 *     .batchSize(5000).pause(Duration.ofMillis(50)).targetBatchDuration(Duration.ofMillis(200));
 * Backfill.table("events").key("tenant_id", "event_id").set("kind = 'legacy'").where("kind IS NULL");
 * }</pre>
 */
public final class Backfill {

  private final QualifiedName table;
  private final String set;
  private final String where;
  private final List<Identifier> key;
  private final OptionalInt batchSize;
  private final Optional<Duration> pause;
  private final Optional<Duration> targetBatchDuration;

  private Backfill(QualifiedName table) {
    this(table, null, null, List.of(), OptionalInt.empty(), Optional.empty(), Optional.empty());
  }

  private Backfill(QualifiedName table, String set, String where, List<Identifier> key, OptionalInt batchSize,
      Optional<Duration> pause, Optional<Duration> targetBatchDuration) {
    this.table = table;
    this.set = set;
    this.where = where;
    this.key = List.copyOf(key);
    this.batchSize = batchSize;
    this.pause = pause;
    this.targetBatchDuration = targetBatchDuration;
  }

  /** The table to update, {@code name} or {@code schema.name}. */
  public static Backfill table(String tableName) {
    return new Backfill(QualifiedName.parse("table", tableName));
  }

  /** The SET clause without the {@code SET} keyword, e.g. {@code display_name = name, migrated = true}. */
  public Backfill set(String setClause) {
    return new Backfill(table, sql("set", setClause, "display_name = name"), where, key, batchSize, pause,
        targetBatchDuration);
  }

  /** The rows that still need the SET, e.g. {@code display_name IS NULL}. */
  public Backfill where(String predicate) {
    return new Backfill(table, set, sql("where", predicate, "display_name IS NULL"), key, batchSize, pause,
        targetBatchDuration);
  }

  /** The key to walk when the table has no primary key: a unique index's NOT NULL columns. Default: the primary key. */
  public Backfill key(String... columnNames) {
    if (columnNames.length == 0) {
      throw new IllegalArgumentException("backfill of " + table + ": key(...) needs at least one column");
    }
    List<Identifier> columns = new ArrayList<>();
    for (String column : columnNames) {
      columns.add(Identifier.of("key column", column));
    }
    return new Backfill(table, set, where, columns, batchSize, pause, targetBatchDuration);
  }

  /**
   * Keys per batch, 1 to 1,000,000, fixed unless {@link #targetBatchDuration} is set too. Without it
   * the first batch has {@code flyway.zdm.backfillBatchSize} keys (1000) and the size adapts to
   * 100 ms per batch.
   */
  public Backfill batchSize(int rows) {
    if (rows < 1 || rows > 1_000_000) {
      throw new IllegalArgumentException("backfill of " + table + ": batchSize " + rows + " must be between 1 and 1000000");
    }
    return new Backfill(table, set, where, key, OptionalInt.of(rows), pause, targetBatchDuration);
  }

  /** Pause between batches, to leave room for other traffic and replicas (default {@code flyway.zdm.backfillPause}, 0). */
  public Backfill pause(Duration value) {
    return new Backfill(table, set, where, key, batchSize, Optional.of(nonNegative("pause", value)), targetBatchDuration);
  }

  /**
   * Adapt the batch size so that one batch takes about this long (at most doubling or halving per
   * batch). Default 100 ms: under a quarter of a second of row locks even after one doubling, and
   * the fixed cost of a batch (round trips, commit, checkpoint row) stays near 2 % of it.
   */
  public Backfill targetBatchDuration(Duration value) {
    if (nonNegative("targetBatchDuration", value).isZero()) {
      throw new IllegalArgumentException("backfill of " + table + ": targetBatchDuration must be greater than 0");
    }
    return new Backfill(table, set, where, key, batchSize, pause, Optional.of(value));
  }

  /** The complete description; fails naming what is missing. */
  BackfillSpec spec(String migration) {
    if (set == null || where == null) {
      throw new IllegalStateException(migration + ": backfill of " + table + " needs both .set(\"column = expression\")"
          + " and .where(\"predicate of rows still to do\")");
    }
    return new BackfillSpec(table, set, where, key, batchSize, pause, targetBatchDuration);
  }

  private String sql(String what, String text, String example) {
    if (text == null || text.isBlank()) {
      throw new IllegalArgumentException("backfill of " + table + ": " + what + "(...) must not be empty, e.g. \"" + example + "\"");
    }
    return text.strip();
  }

  private Duration nonNegative(String what, Duration value) {
    if (value == null || value.isNegative()) {
      throw new IllegalArgumentException("backfill of " + table + ": " + what + " " + (value == null ? "null" : DurationText.format(value))
          + " must be 0 or more");
    }
    return value;
  }
}
