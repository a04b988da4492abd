package dev.flywayzdm.sample.bench.backfill;

import dev.flywayzdm.migration.Backfill;
import dev.flywayzdm.migration.BatchedBackfillMigration;

/** The benchmark's flyway-zdm backfill; its batch size comes from flyway.zdm.backfillBatchSize. */
public class V1__backfill_display_name extends BatchedBackfillMigration {

  @Override
  protected Backfill backfill() {
    return Backfill.table("bench_users").set("display_name = name").where("display_name IS NULL");
  }
}
