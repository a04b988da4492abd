package dev.flywayzdm.internal.backfill;

import dev.flywayzdm.internal.pg.Identifier;
import dev.flywayzdm.internal.pg.QualifiedName;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * A batched backfill as the user described it: names already validated, SQL fragments as given.
 *
 * @param set the SET clause without {@code SET}, e.g. {@code display_name = name}
 * @param where the predicate of rows that still need work, e.g. {@code display_name IS NULL}
 * @param key the key columns to walk, empty for the primary key
 */
public record BackfillSpec(
    QualifiedName table, String set, String where, List<Identifier> key,
    OptionalInt batchSize, Optional<Duration> pause, Optional<Duration> targetBatchDuration) {

  public BackfillSpec {
    Objects.requireNonNull(table, "table");
    Objects.requireNonNull(set, "set");
    Objects.requireNonNull(where, "where");
    key = List.copyOf(key);
  }

  /** What the checkpoint remembers, to notice an edited migration on resume. */
  public String describe() {
    return "UPDATE " + table.quoted() + " SET " + set + " WHERE " + where
        + (key.isEmpty() ? "" : " KEY (" + String.join(", ", key.stream().map(Identifier::quoted).toList()) + ")");
  }
}
