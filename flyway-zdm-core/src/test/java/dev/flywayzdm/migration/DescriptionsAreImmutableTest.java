package dev.flywayzdm.migration;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class DescriptionsAreImmutableTest {

  @Test
  void shouldLeaveAConcurrentIndexUnchangedWhenExtended() {
    // Given a shared base description
    ConcurrentIndex base = ConcurrentIndex.create("idx_orders_customer").on("orders").columns("customer_id");

    // When two migrations extend it
    ConcurrentIndex unique = base.unique();
    ConcurrentIndex partial = base.where("deleted_at IS NULL");

    // Then neither sees the other's change
    assertThat(base.definition("V1__x").createSql(true, false)).as("the base stays as it was built")
        .doesNotContain("UNIQUE").doesNotContain("WHERE");
    assertThat(unique.definition("V2__x").createSql(true, false)).contains("UNIQUE").doesNotContain("WHERE");
    assertThat(partial.definition("V3__x").createSql(true, false)).contains("WHERE").doesNotContain("UNIQUE");
  }

  @Test
  void shouldLeaveABackfillUnchangedWhenExtended() {
    Backfill base = Backfill.table("users").set("display_name = name").where("display_name IS NULL");

    Backfill keyed = base.key("tenant_id", "id").batchSize(10);

    assertThat(base.spec("V1__x").key()).as("key(...) on a copy leaves the base's key alone").isEmpty();
    assertThat(base.spec("V1__x").batchSize()).isEmpty();
    assertThat(keyed.spec("V2__x").key()).hasSize(2);
    assertThat(keyed.spec("V2__x").batchSize()).hasValue(10);
  }
}
