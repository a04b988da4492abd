package dev.flywayzdm.callback;

import dev.flywayzdm.config.DurationText;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Optional;

/**
 * Whether one contract migration may run: its expand migration, when that went live, the soak, and
 * the moment (database clock) from which the contract may run. Computed by {@link SoakGate}.
 *
 * @param migration the contract migration ({@code V9__drop_users_name})
 * @param expandVersion the version of the expand migration it declares
 * @param expandScript the expand migration's script as recorded in the history table, when applied
 * @param expandState {@code APPLIED}, {@code MISSING} (never ran) or {@code FAILED}
 * @param expandLiveSince {@code installed_on + execution_time} of the expand, when applied
 * @param soak the soak that applies to this contract ({@code @Contract(soak)}, {@code soak=} or {@code flyway.zdm.soak})
 * @param mayRunFrom the first moment the contract may run, when the expand is applied
 * @param databaseNow the database's clock when this was computed
 * @param timeZone the database session's time zone of the timestamps above
 */
public record ContractStatus(
    String migration,
    String expandVersion,
    Optional<String> expandScript,
    ExpandState expandState,
    Optional<LocalDateTime> expandLiveSince,
    Duration soak,
    Optional<LocalDateTime> mayRunFrom,
    LocalDateTime databaseNow,
    String timeZone) {

  private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSS");

  /** What the history table says about the expand migration. */
  public enum ExpandState {
    APPLIED, MISSING, FAILED
  }

  /** Whether the contract may run now. */
  public boolean mayRunNow() {
    return expandState == ExpandState.APPLIED && mayRunFrom.map(from -> !databaseNow.isBefore(from)).orElse(false);
  }

  /** How long until it may run (zero when it may run now or never without another expand run). */
  public Duration remaining() {
    return mayRunFrom.filter(from -> databaseNow.isBefore(from))
        .map(from -> Duration.between(databaseNow, from)).orElse(Duration.ZERO);
  }

  /** One line for logs and status output. */
  public String describe() {
    String expand = "expand migration " + expandVersion + expandScript.map(s -> " (" + s + ")").orElse("");
    String soakText = "soak " + DurationText.format(soak);
    return switch (expandState) {
      case MISSING -> migration + " is the contract step of " + expand + ", which has not been applied: apply the"
          + " expand, deploy the application that no longer needs what the contract removes, and run the contract"
          + " once the expand has been live for " + DurationText.format(soak);
      case FAILED -> migration + " is the contract step of " + expand + ", whose last run failed: repair and re-apply"
          + " the expand first";
      case APPLIED -> mayRunNow()
          ? migration + " may run: " + expand + " has been live since " + format(expandLiveSince) + " (" + soakText
              + " ended " + format(mayRunFrom) + ", database clock " + timeZone + ")"
          : migration + " must wait: " + expand + " counts as live from " + format(expandLiveSince) + " (installed_on + execution_time in the schema history: conservative), "
              + soakText + ", so the contract may run from " + format(mayRunFrom) + " " + timeZone
              + " (database clock; now " + format(Optional.of(databaseNow)) + ", " + DurationText.roughly(remaining())
              + " to go)";
    };
  }

  private static String format(Optional<LocalDateTime> time) {
    return time.map(TIME::format).orElse("?");
  }

  @Override
  public String toString() {
    return describe();
  }
}
