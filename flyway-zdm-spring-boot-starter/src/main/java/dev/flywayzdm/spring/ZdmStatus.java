package dev.flywayzdm.spring;

import dev.flywayzdm.internal.backfill.BackfillProgress;
import dev.flywayzdm.internal.history.ContractStatus;
import dev.flywayzdm.internal.settings.DurationText;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What {@code /actuator/zdm} and the {@code zdm} health contributor report, read by {@link ZdmStatusReader}:
 * the schema version, pending and failed migrations, every pending contract's soak gate and every
 * unfinished backfill. Rendered as plain maps, lists, strings and numbers, so any JSON mapper of Spring
 * Boot 3.5 (Jackson 2) or 4.0 (Jackson 3) writes it the same; times are the database's, in ISO-8601 UTC.
 */
record ZdmStatus(Optional<String> schemaVersion, List<String> pending, List<String> failed, List<ContractStatus> gates,
    List<BackfillProgress> backfills, SoakingContracts soakingContracts) {

  /** DOWN only when the schema history holds a failed migration: Flyway refuses to migrate on until it is repaired. */
  boolean healthy() {
    return failed.isEmpty();
  }

  Map<String, Object> toMap() {
    Map<String, Object> map = summary();
    map.put("pendingMigrations", pending);
    map.put("soakGates", gates.stream().map(ZdmStatus::gate).toList());
    map.put("backfills", backfills.stream().map(ZdmStatus::backfill).toList());
    return map;
  }

  /** The health contributor's details: counts and names, without the full gate texts. */
  Map<String, Object> summary() {
    Map<String, Object> map = new LinkedHashMap<>();
    map.put("schemaVersion", schemaVersion.orElse("none"));
    map.put("pending", pending.size());
    map.put("failedMigrations", failed);
    map.put("contractsWaiting", gates.stream().filter(gate -> !gate.mayRunNow()).map(ContractStatus::migration).toList());
    map.put("runningBackfills", backfills.stream().map(BackfillProgress::migration).toList());
    map.put("soakingContracts", soakingContracts.text());
    return map;
  }

  private static Map<String, Object> gate(ContractStatus gate) {
    Map<String, Object> map = new LinkedHashMap<>();
    map.put("migration", gate.migration());
    map.put("expandVersion", gate.expandVersion());
    map.put("expandState", gate.expandState().name());
    map.put("expandLiveSince", gate.expandLiveSince().map(Object::toString).orElse(null));
    map.put("soak", DurationText.format(gate.soak()));
    map.put("mayRunFrom", gate.mayRunFrom().map(Object::toString).orElse(null));
    map.put("mayRunNow", gate.mayRunNow());
    map.put("remaining", DurationText.format(gate.remaining()));
    map.put("databaseNow", gate.databaseNow().toString());
    map.put("description", gate.describe());
    return map;
  }

  private static Map<String, Object> backfill(BackfillProgress progress) {
    Map<String, Object> map = new LinkedHashMap<>();
    map.put("migration", progress.migration());
    map.put("table", progress.targetTable());
    map.put("status", progress.status());
    map.put("rowsDone", progress.rowsDone());
    map.put("keysWalked", progress.keysWalked());
    map.put("batches", progress.batches());
    map.put("lastKey", progress.lastKey().orElse(null));
    map.put("startedAt", progress.startedAt().toString());
    map.put("updatedAt", progress.updatedAt().toString());
    return map;
  }
}
