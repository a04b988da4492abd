package dev.flywayzdm.maven;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flywayzdm.internal.history.MigrationKind;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class StatusTableTest {

  @Test
  void alignsEveryColumnUnderItsHeader() {
    List<String> lines = StatusTable.render(List.of(
        new StatusRow("1", "create orders", Optional.of(MigrationKind.EXPAND), "Success",
            Optional.of("2026-11-21 05:59:04"), Optional.of(0), Optional.empty()),
        new StatusRow("12", "drop legacy note", Optional.of(MigrationKind.CONTRACT), "Pending",
            Optional.empty(), Optional.of(2), Optional.of("blocked by soak"))));

    assertThat(lines).containsExactly(
        "Version  Description       Kind      State    Installed on         Lint  Contract gate",
        "1        create orders     expand    Success  2026-11-21 05:59:04  0",
        "12       drop legacy note  contract  Pending                       2     blocked by soak");
  }

  @Test
  void showsUnknownKindsAndJavaMigrationsWithoutLintAsSuch() {
    List<String> lines = StatusTable.render(List.of(new StatusRow("3", "backfill", Optional.empty(), "Pending",
        Optional.empty(), Optional.empty(), Optional.empty())));

    assertThat(lines.get(1)).isEqualTo("3        backfill     ?     Pending                -");
  }
}
