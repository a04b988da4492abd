package dev.flywayzdm.lint;

import dev.flywayzdm.lint.internal.SarifReport;
import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** How much a finding matters. The names are public API: settings and reports use them. */
public enum Severity {
  /** The migration blocks traffic, rewrites a table or breaks the running application: fix it. */
  ERROR,
  /** Probably harmful, or harmful on a large table: look at it. */
  WARNING,
  /** A better habit for new schema; never blocks anything. */
  ADVICE;

  /** The lower-case name used in settings, text and JSON output. */
  public String label() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** The SARIF 2.1.0 {@code level} of a result with this severity. */
  public String sarifLevel() {
    return SarifReport.level(label());
  }

  /**
   * Reads {@code error}, {@code warning} or {@code advice}, ignoring case.
   *
   * @throws IllegalArgumentException naming the bad value and the accepted ones
   */
  public static Severity parse(String text) {
    String wanted = text.trim();
    for (Severity severity : values()) {
      if (severity.label().equalsIgnoreCase(wanted)) {
        return severity;
      }
    }
    throw new IllegalArgumentException("Unknown lint severity '" + text + "'; accepted: "
        + Arrays.stream(values()).map(Severity::label).collect(Collectors.joining(", ")) + ", off");
  }
}
