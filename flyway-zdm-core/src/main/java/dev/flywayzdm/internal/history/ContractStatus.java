package dev.flywayzdm.internal.history;

import dev.flywayzdm.internal.settings.DurationText;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Optional;

/**
 * Whether one contract migration may run: its expand migration, what Flyway knows of it, when it
 * went live, the soak, and the moment from which the contract may run. Every time is an instant of
 * the database's clock ({@code timestamptz}) and is shown in UTC, so neither the JVM's nor the
 * session's time zone changes a verdict or its wording. Computed by {@link SoakGate}.
 *
 * @param migration the contract migration ({@code V9__drop_users_name})
 * @param expandVersion the version of the expand migration it declares
 * @param expandScript the expand migration's script, when Flyway knows one
 * @param expandState what the schema history and Flyway's migrations say about the expand
 * @param expandFlywayState Flyway's own word for the expand's state ({@code Pending}, {@code Ignored},
 *     {@code Deleted}, ...), when it is not applied and Flyway lists it
 * @param expandLiveSince when the expand went live, when it is applied
 * @param liveSinceRecorded true when {@code expandLiveSince} is flyway-zdm's record of when the expand
 *     finished ({@code flyway_zdm_applied}); false when it is the conservative fallback for an expand
 *     applied without that record: {@code installed_on + execution_time} read in UTC-12
 * @param soak the soak that applies to this contract ({@code @Contract(soak)}, {@code soak=} or {@code flyway.zdm.soak})
 * @param databaseNow the database's clock when this was computed
 */
public record ContractStatus(
    String migration,
    String expandVersion,
    Optional<String> expandScript,
    ExpandState expandState,
    Optional<String> expandFlywayState,
    Optional<Instant> expandLiveSince,
    boolean liveSinceRecorded,
    Duration soak,
    Instant databaseNow) {

  private static final DateTimeFormatter TIME =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSS 'UTC'").withZone(ZoneOffset.UTC);

  /** What the schema history table and Flyway's migrations say about the expand migration. */
  public enum ExpandState {
    /** Applied successfully: the soak counts from when it went live. */
    APPLIED,
    /** Its latest run failed ({@code success = false} in the schema history). */
    FAILED,
    /** Flyway lists it but it is not applied ({@link #expandFlywayState} says why, e.g. pending or ignored). */
    NOT_APPLIED,
    /** Not applied and ordered after the contract: Flyway would run the contract first. */
    AFTER_CONTRACT,
    /** No migration of that version is known to Flyway: not in its locations, not in the schema history. */
    UNKNOWN
  }

  /** The first moment the contract may run, when the expand is applied. */
  public Optional<Instant> mayRunFrom() {
    return expandState == ExpandState.APPLIED ? expandLiveSince.map(since -> since.plus(soak)) : Optional.empty();
  }

  /**
   * Whether the contract may run now. With a soak of 0 it may run as soon as its expand is applied,
   * also in the same {@code migrate}: no clock is compared.
   */
  public boolean mayRunNow() {
    if (expandState != ExpandState.APPLIED) {
      return false;
    }
    return soak.isZero() || mayRunFrom().map(from -> !databaseNow.isBefore(from)).orElse(false);
  }

  /** How long until it may run (zero when it may run now, or never without another expand run). */
  public Duration remaining() {
    if (mayRunNow()) {
      return Duration.ZERO;
    }
    return mayRunFrom().filter(databaseNow::isBefore).map(from -> Duration.between(databaseNow, from)).orElse(Duration.ZERO);
  }

  /** One line for logs and status output. */
  public String describe() {
    String expand = "expand migration " + expandVersion + expandScript.map(s -> " (" + s + ")").orElse("");
    String head = migration + " is the contract step of " + expand;
    String soakText = "soak " + DurationText.format(soak);
    String declaration = " (-- zdm:contract expand=... in a SQL file, @Contract(expand = \"...\") on a Java class)";
    return switch (expandState) {
      case UNKNOWN -> head + ", but Flyway knows no migration with version " + expandVersion + ": none in its"
          + " locations and none in the schema history table. Check the version the contract declares" + declaration;
      case AFTER_CONTRACT -> head + ", which is not applied and comes after the contract in Flyway's order: an expand"
          + " must be applied, and live for its soak, before its contract runs. Give the contract a higher version than"
          + " its expand, or correct the version it declares" + declaration;
      case NOT_APPLIED -> head + ", which " + notApplied() + ". The contract runs once the expand is applied and has been"
          + " live for its " + soakText + " (deploy the application that no longer needs what the contract removes in between)";
      case FAILED -> head + ", whose latest run failed (success = false in the schema history table): run the expand"
          + " again until it succeeds; the contract then waits for its " + soakText + " from that moment";
      case APPLIED -> mayRunNow()
          ? migration + " may run: " + expand + " " + liveSince("has been live since") + " (" + soakText
              + (soak.isZero() ? ": no wait" : " ended " + format(mayRunFrom())) + ", database clock)"
          : migration + " must wait: " + expand + " " + liveSince("counts as live from") + ", " + soakText
              + ", so the contract may run from " + format(mayRunFrom()) + " (database clock; now "
              + format(Optional.of(databaseNow)) + ", " + DurationText.roughly(remaining()) + " to go)";
    };
  }

  private String notApplied() {
    String state = expandFlywayState.orElse("");
    if (state.equalsIgnoreCase("Pending")) {
      return "is pending: Flyway has not applied it yet";
    }
    if (state.equalsIgnoreCase("Ignored")) {
      return "Flyway ignores: it was never applied and its version is below the schema's current version"
          + " (Flyway applies it only with outOfOrder=true)";
    }
    return state.isEmpty() ? "has not been applied (no row for it in the schema history table)"
        : "has not been applied (Flyway's state for it: " + state + ")";
  }

  private String liveSince(String verb) {
    String since = verb + " " + format(expandLiveSince);
    return liveSinceRecorded
        ? since + " (flyway-zdm's record of when it finished)"
        : since + " (no flyway-zdm record of when it finished, as for an expand applied before flyway-zdm was"
            + " installed: installed_on + execution_time of the schema history read in UTC-12, the latest moment"
            + " it can denote whatever the time zone it was written in)";
  }

  private static String format(Optional<Instant> time) {
    return time.map(TIME::format).orElse("?");
  }

  @Override
  public String toString() {
    return describe();
  }
}
