package dev.flywayzdm.internal.history;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ContractStatusTest {

  private static final Instant NOW = Instant.parse("2026-11-21T06:00:00Z");

  private static ContractStatus applied(Instant liveSince, boolean recorded, Duration soak) {
    return new ContractStatus("V3__drop_legacy_note", "2", Optional.of("V2__add_note.sql"),
        ContractStatus.ExpandState.APPLIED, Optional.empty(), Optional.of(liveSince), recorded, soak, NOW);
  }

  private static ContractStatus notApplied(ContractStatus.ExpandState state, Optional<String> flywayState) {
    return new ContractStatus("V3__drop_legacy_note", "2", Optional.of("V2__add_note.sql"), state, flywayState,
        Optional.empty(), false, Duration.ofHours(2), NOW);
  }

  @Test
  void aBlockedContractSaysWhenItMayRunAndHowLongThatIsAwayInUtc() {
    ContractStatus blocked = applied(NOW.minusSeconds(1), true, Duration.ofHours(24));

    assertThat(blocked.mayRunNow()).isFalse();
    assertThat(blocked.remaining()).isEqualTo(Duration.ofSeconds(86_399));
    assertThat(blocked.describe())
        .as("the wait reads like the zdm:status table, not as 86399s; every time is UTC whatever the session's zone")
        .isEqualTo("V3__drop_legacy_note must wait: expand migration 2 (V2__add_note.sql) counts as live from"
            + " 2026-11-21 05:59:59.000 UTC (flyway-zdm's record of when it finished), soak 1d, so the contract may run"
            + " from 2026-11-22 05:59:59.000 UTC (database clock; now 2026-11-21 06:00:00.000 UTC, 23h 59m to go)");
  }

  @Test
  void aContractWhoseSoakIsOverMayRun() {
    ContractStatus free = applied(NOW.minus(Duration.ofHours(3)), true, Duration.ofHours(2));

    assertThat(free.mayRunNow()).isTrue();
    assertThat(free.remaining()).isZero();
    assertThat(free.describe()).startsWith("V3__drop_legacy_note may run: expand migration 2 (V2__add_note.sql) has been"
        + " live since 2026-11-21 03:00:00.000 UTC");
  }

  @Test
  void soakZeroLetsTheContractRunEvenWhenTheExpandSeemsToFinishInTheFuture() {
    ContractStatus fallback = applied(NOW.plus(Duration.ofHours(11)), false, Duration.ZERO);

    assertThat(fallback.mayRunNow()).as("soak 0 compares no clock: an applied expand is enough").isTrue();
    assertThat(fallback.remaining()).isZero();
    assertThat(fallback.describe()).contains("soak 0: no wait").doesNotContain("to go");
  }

  @Test
  void anExpandWithoutTheLibrarysRecordSaysWhyItCountsAsLiveLater() {
    ContractStatus fallback = applied(NOW.plus(Duration.ofHours(11)), false, Duration.ofHours(1));

    assertThat(fallback.mayRunNow()).isFalse();
    assertThat(fallback.describe()).contains("counts as live from 2026-11-21 17:00:00.000 UTC (no flyway-zdm record of"
        + " when it finished, as for an expand applied before flyway-zdm was installed: installed_on + execution_time"
        + " of the schema history read in UTC-12, the latest moment it can denote", "12h 0m to go");
  }

  @Test
  void anExpandThatIsNotThereSaysWhichWayItIsMissing() {
    assertThat(notApplied(ContractStatus.ExpandState.UNKNOWN, Optional.empty()).describe())
        .contains("Flyway knows no migration with version 2").doesNotContain("apply the expand");
    assertThat(notApplied(ContractStatus.ExpandState.NOT_APPLIED, Optional.of("Pending")).describe())
        .contains("which is pending: Flyway has not applied it yet");
    assertThat(notApplied(ContractStatus.ExpandState.NOT_APPLIED, Optional.of("Ignored")).describe())
        .contains("which Flyway ignores", "outOfOrder=true");
    assertThat(notApplied(ContractStatus.ExpandState.AFTER_CONTRACT, Optional.of("Pending")).describe())
        .contains("comes after the contract in Flyway's order");
    assertThat(notApplied(ContractStatus.ExpandState.FAILED, Optional.of("Failed")).describe())
        .contains("whose latest run failed");
    assertThat(notApplied(ContractStatus.ExpandState.UNKNOWN, Optional.empty()).mayRunNow()).isFalse();
  }
}
