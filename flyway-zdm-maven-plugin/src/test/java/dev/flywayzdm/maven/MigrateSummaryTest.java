package dev.flywayzdm.maven;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flywayzdm.callback.MigrationRefusedException;
import dev.flywayzdm.internal.history.ContractStatus;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.flywaydb.core.api.FlywayException;
import org.junit.jupiter.api.Test;

class MigrateSummaryTest {

  private static final Instant NOW = Instant.parse("2026-11-21T06:00:00Z");

  @Test
  void saysWhatWasAppliedHowLongItTookAndWhichContractsWait() {
    ContractStatus blocked = new ContractStatus("V3__drop_legacy_note", "2", Optional.of("V2__add_note.sql"),
        ContractStatus.ExpandState.APPLIED, Optional.empty(), Optional.of(NOW.minus(Duration.ofMinutes(1))), true,
        Duration.ofHours(24), NOW);

    List<String> lines = new MigrateSummary(2, 1, Duration.ofMillis(1234), "2", List.of(blocked)).lines();

    assertThat(lines.get(0)).isEqualTo("zdm:migrate: applied 2 migrations in 1234ms, 1 retry after lock timeouts,"
        + " schema version 2, 1 blocked contract");
    assertThat(lines.get(1)).startsWith("  blocked: V3__drop_legacy_note must wait: expand migration 2");
  }

  @Test
  void anEmptySchemaHasNoVersion() {
    assertThat(new MigrateSummary(0, 0, Duration.ZERO, "", List.of()).lines())
        .containsExactly("zdm:migrate: applied 0 migrations in 0, 0 retries after lock timeouts, schema version <none>,"
            + " 0 blocked contracts");
  }

  @Test
  void theGateColumnSaysWhenABlockedContractMayRun() {
    ContractStatus blocked = new ContractStatus("V3__drop", "2", Optional.empty(), ContractStatus.ExpandState.APPLIED,
        Optional.empty(), Optional.of(NOW.minus(Duration.ofMinutes(90))), true, Duration.ofHours(2), NOW);
    ContractStatus free = new ContractStatus("V3__drop", "2", Optional.empty(), ContractStatus.ExpandState.APPLIED,
        Optional.empty(), Optional.of(NOW.minus(Duration.ofHours(3))), true, Duration.ofHours(2), NOW);
    ContractStatus missing = new ContractStatus("V3__drop", "2", Optional.empty(), ContractStatus.ExpandState.NOT_APPLIED,
        Optional.of("Pending"), Optional.empty(), false, Duration.ofHours(2), NOW);

    assertThat(MigrationStatus.gate(blocked))
        .isEqualTo("blocked by soak: may run from 2026-11-21 06:30:00 UTC (expand 2, 30m 0s to go)");
    assertThat(MigrationStatus.gate(free)).isEqualTo("may run now (expand 2, soak 2h over)");
    assertThat(MigrationStatus.gate(missing)).isEqualTo("expand 2 not applied yet (Pending)");
  }

  @Test
  void findsTheCallbacksRefusalHoweverFlywayWrapsIt() {
    MigrationRefusedException refused = new MigrationRefusedException("flyway-zdm: V3__drop must wait");

    assertThat(MigrateMojo.refusal(new FlywayException("migration failed", refused))).contains(refused);
    assertThat(MigrateMojo.refusal(new FlywayException("syntax error"))).isEmpty();
  }
}
