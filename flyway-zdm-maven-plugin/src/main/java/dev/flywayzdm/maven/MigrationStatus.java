package dev.flywayzdm.maven;

import dev.flywayzdm.config.ZdmSettings;
import dev.flywayzdm.internal.flyway.MigrationName;
import dev.flywayzdm.internal.history.ContractStatus;
import dev.flywayzdm.internal.history.MigrationKind;
import dev.flywayzdm.internal.history.SoakGate;
import dev.flywayzdm.internal.settings.DurationText;
import java.text.SimpleDateFormat;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.MigrationState;

/**
 * What {@code zdm:status} shows: the most recently applied migrations, every pending one, and for
 * each pending contract what the soak gate says. Reads the database through Flyway; changes nothing.
 */
final class MigrationStatus {

  private static final DateTimeFormatter SECONDS = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'")
      .withZone(ZoneOffset.UTC);

  private final List<StatusRow> rows;
  private final List<ContractStatus> contracts;

  private MigrationStatus(List<StatusRow> rows, List<ContractStatus> contracts) {
    this.rows = rows;
    this.contracts = contracts;
  }

  static MigrationStatus read(Flyway flyway, ProjectMigrations project, int recent, ClassLoader classLoader) {
    MigrationInfo[] all = flyway.info().all();
    List<ContractStatus> contracts = SoakGate.status(flyway, ZdmSettings.of(flyway.getConfiguration()).soak());
    Map<String, ContractStatus> byName = contracts.stream()
        .collect(Collectors.toMap(ContractStatus::migration, Function.identity(), (a, b) -> a));
    List<MigrationInfo> applied = Arrays.stream(all)
        .filter(i -> i.getState().isApplied() && (i.getType().isBaseline() || !i.getType().isSynthetic())).toList();
    List<MigrationInfo> shown = new ArrayList<>(applied.subList(Math.max(0, applied.size() - recent), applied.size()));
    Arrays.stream(all).filter(i -> i.getState() == MigrationState.PENDING).forEach(shown::add);
    SimpleDateFormat time = new SimpleDateFormat("yyyy-MM-dd HH:mm:ss", Locale.ROOT);
    List<StatusRow> rows = shown.stream().map(info -> new StatusRow(
        info.getVersion() == null ? "" : info.getVersion().getVersion(),
        info.getDescription(),
        MigrationKind.of(info, classLoader, project.sql(info)),
        info.getState().getDisplayName(),
        Optional.ofNullable(info.getInstalledOn()).map(time::format),
        project.findings(info),
        Optional.ofNullable(byName.get(MigrationName.of(info))).map(MigrationStatus::gate))).toList();
    return new MigrationStatus(rows, contracts);
  }

  List<StatusRow> rows() {
    return rows;
  }

  List<ContractStatus> contracts() {
    return contracts;
  }

  /** The contract gate in a few words for the table; {@link ContractStatus#describe()} has the rest. */
  static String gate(ContractStatus contract) {
    String expand = "expand " + contract.expandVersion();
    return switch (contract.expandState()) {
      case NOT_APPLIED -> expand + " not applied yet" + contract.expandFlywayState().map(s -> " (" + s + ")").orElse("");
      case AFTER_CONTRACT -> expand + " comes after this contract: fix the declared version";
      case UNKNOWN -> expand + " unknown to Flyway: check the declared version";
      case FAILED -> expand + " failed: run it again first";
      case APPLIED -> contract.mayRunNow()
          ? "may run now (" + expand + ", soak " + DurationText.format(contract.soak()) + " over)"
          : "blocked by soak: may run from " + contract.mayRunFrom().map(SECONDS::format).orElse("?")
              + " (" + expand + ", " + DurationText.roughly(contract.remaining()) + " to go"
              + (contract.liveSinceRecorded() ? "" : ", conservative: applied without flyway-zdm's record") + ")";
    };
  }
}
