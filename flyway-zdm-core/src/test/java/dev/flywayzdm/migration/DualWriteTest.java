package dev.flywayzdm.migration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.flywayzdm.internal.dualwrite.SyncTriggerSql;
import org.junit.jupiter.api.Test;

/** The description is validated when it is built, before any migration runs. */
class DualWriteTest {

  @Test
  void namesTriggerAndFunctionAfterTableAndColumns() {
    DualWrite write = DualWrite.table("sales.orders").from("amount").to("amount_cents");

    assertThat(write.spec().triggerName().name()).isEqualTo("zdm_dw_orders_amount_amount_cents");
    assertThat(write.spec().functionName().quoted()).isEqualTo("\"sales\".\"zdm_dw_orders_amount_amount_cents\"");
    assertThat(write).hasToString("\"sales\".\"orders\".\"amount\" -> \"amount_cents\"");
  }

  @Test
  void rejectsBadNamesAndConversionsNamingWhatIsWrong() {
    assertThatThrownBy(() -> DualWrite.table("users").from("name").to("name")).hasMessageContaining("old and new column are both \"name\"");
    assertThatThrownBy(() -> DualWrite.table("users").from("n".repeat(64))).hasMessageContaining("invalid old column name").hasMessageContaining("64 bytes");
    assertThatThrownBy(() -> DualWrite.table("a.b.c")).hasMessageContaining("expected name or schema.name");
    DualWrite write = DualWrite.table("users").from("age").to("age_big");
    assertThatThrownBy(() -> write.convert("age::bigint", "{new}::int"))
        .hasMessageContaining("old-to-new conversion 'age::bigint' does not use {old}");
    assertThatThrownBy(() -> write.convert("{old}::bigint; DROP TABLE users", "{new}::int"))
        .hasMessageContaining("old-to-new conversion").hasMessageContaining("contains ';'");
    assertThatThrownBy(() -> write.type("bigint) --")).hasMessageContaining("type of new column \"age_big\"");
  }

  @Test
  void theTriggerBodyQuotesEveryNameAndUsesADollarTagTheBodyDoesNotContain() {
    DualWrite write = DualWrite.table("t").from("a$zdm_dw$b").to("New \"col\"").type("text").convert("{old} || '$zdm_dw_1$'", "{new}");

    String sql = SyncTriggerSql.createFunction(write.spec());

    assertThat(sql).contains("NEW.\"a$zdm_dw$b\"").contains("NEW.\"New \"\"col\"\"\"").contains("AS $zdm_dw_2$").endsWith("$zdm_dw_2$");
  }
}
