package dev.flywayzdm.sample.bench.dualwrite;

import dev.flywayzdm.migration.DualWrite;
import dev.flywayzdm.migration.DualWriteExpandMigration;

/** The benchmark's dual-write trigger: users.name <-> users.display_name, no backfill. */
public class V1__expand_display_name extends DualWriteExpandMigration {

  @Override
  protected DualWrite dualWrite() {
    return DualWrite.table("bench_users").from("name").to("display_name");
  }

  @Override
  protected boolean backfill() {
    return false;
  }
}
