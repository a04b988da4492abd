package dev.flywayzdm.callback.rerun;

import dev.flywayzdm.migration.DualWrite;
import dev.flywayzdm.migration.DualWriteExpandMigration;
import java.util.function.Supplier;

/** A dual-write expand whose definition the test chooses. */
public final class V1__dual_write extends DualWriteExpandMigration {
  private final Supplier<DualWrite> dualWrite;

  public V1__dual_write(Supplier<DualWrite> dualWrite) {
    this.dualWrite = dualWrite;
  }

  @Override
  protected DualWrite dualWrite() {
    return dualWrite.get();
  }
}
