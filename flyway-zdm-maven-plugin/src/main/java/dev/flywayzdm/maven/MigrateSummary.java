package dev.flywayzdm.maven;

import dev.flywayzdm.internal.history.ContractStatus;
import dev.flywayzdm.internal.settings.DurationText;
import java.time.Duration;
import java.util.List;

/**
 * The one-paragraph account {@code zdm:migrate} ends with, whether it succeeded or was refused.
 *
 * @param applied migrations applied by this run
 * @param retries how often migrate was run again after a lock timeout
 * @param elapsed wall time of the run
 * @param schemaVersion the schema version now, empty when nothing is applied
 * @param blockedContracts pending contracts the soak gate does not let run yet
 */
record MigrateSummary(int applied, int retries, Duration elapsed, String schemaVersion,
    List<ContractStatus> blockedContracts) {

  MigrateSummary {
    blockedContracts = List.copyOf(blockedContracts);
  }

  List<String> lines() {
    String head = "zdm:migrate: applied " + applied + (applied == 1 ? " migration" : " migrations") + " in "
        + DurationText.format(Duration.ofMillis(elapsed.toMillis())) + ", " + retries
        + (retries == 1 ? " retry" : " retries") + " after lock timeouts, schema version "
        + (schemaVersion.isEmpty() ? "<none>" : schemaVersion) + ", " + blockedContracts.size()
        + (blockedContracts.size() == 1 ? " blocked contract" : " blocked contracts");
    List<String> contracts = blockedContracts.stream().map(c -> "  blocked: " + c.describe()).toList();
    return java.util.stream.Stream.concat(java.util.stream.Stream.of(head), contracts.stream()).toList();
  }
}
