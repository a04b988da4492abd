package dev.flywayzdm.callback.rerun;

import dev.flywayzdm.migration.ConcurrentIndex;
import dev.flywayzdm.migration.ConcurrentIndexMigration;
import java.util.function.Supplier;

/** A unique index whose definition the test chooses. */
public final class V1__index extends ConcurrentIndexMigration {
  private final Supplier<ConcurrentIndex> index;

  public V1__index(Supplier<ConcurrentIndex> index) {
    this.index = index;
  }

  @Override
  protected ConcurrentIndex index() {
    return index.get();
  }
}
