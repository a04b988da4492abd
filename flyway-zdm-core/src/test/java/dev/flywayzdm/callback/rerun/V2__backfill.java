package dev.flywayzdm.callback.rerun;

import dev.flywayzdm.migration.Backfill;
import dev.flywayzdm.migration.BatchedBackfillMigration;
import java.util.function.Supplier;

/** A second migration, a backfill whose definition the test chooses. */
public final class V2__backfill extends BatchedBackfillMigration {
  private final Supplier<Backfill> backfill;

  public V2__backfill(Supplier<Backfill> backfill) {
    this.backfill = backfill;
  }

  @Override
  protected Backfill backfill() {
    return backfill.get();
  }
}
