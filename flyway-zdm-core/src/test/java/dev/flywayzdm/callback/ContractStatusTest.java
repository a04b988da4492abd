package dev.flywayzdm.callback;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.LocalDateTime;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ContractStatusTest {

  private static final LocalDateTime NOW = LocalDateTime.of(2026, 11, 21, 6, 0);

  @Test
  void aBlockedContractSaysWhenItMayRunAndHowLongThatIsAway() {
    ContractStatus blocked = new ContractStatus("V3__drop_legacy_note", "2", Optional.of("V2__add_note.sql"),
        ContractStatus.ExpandState.APPLIED, Optional.of(NOW.minusSeconds(1)), Duration.ofHours(24),
        Optional.of(NOW.minusSeconds(1).plusHours(24)), NOW, "UTC");

    assertThat(blocked.mayRunNow()).isFalse();
    assertThat(blocked.remaining()).isEqualTo(Duration.ofSeconds(86_399));
    assertThat(blocked.describe())
        .as("the wait reads like the zdm:status table, not as 86399s")
        .isEqualTo("V3__drop_legacy_note must wait: expand migration 2 (V2__add_note.sql) counts as live from"
            + " 2026-11-21 05:59:59.000 (installed_on + execution_time in the schema history: conservative), soak 1d, so the contract may run from 2026-11-22 05:59:59.000 UTC"
            + " (database clock; now 2026-11-21 06:00:00.000, 23h 59m to go)");
  }

  @Test
  void aContractWhoseSoakIsOverMayRun() {
    ContractStatus free = new ContractStatus("V3__drop", "2", Optional.empty(), ContractStatus.ExpandState.APPLIED,
        Optional.of(NOW.minusHours(3)), Duration.ofHours(2), Optional.of(NOW.minusHours(1)), NOW, "UTC");

    assertThat(free.mayRunNow()).isTrue();
    assertThat(free.remaining()).isZero();
    assertThat(free.describe()).startsWith("V3__drop may run: expand migration 2 has been live since");
  }
}
