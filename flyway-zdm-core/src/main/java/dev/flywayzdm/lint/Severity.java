package dev.flywayzdm.lint;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** How much a finding matters. The names are public API: settings and reports use them. */
public enum Severity {
  /** The migration blocks traffic, rewrites a table or breaks the running application: fix it. */
  ERROR("error"),
  /** Probably harmful, or harmful on a large table: look at it. */
  WARNING("warning"),
  /** A better habit for new schema; never blocks anything. */
  ADVICE("note");

  private final String sarifLevel;

  Severity(String sarifLevel) {
    this.sarifLevel = sarifLevel;
  }

  /** The lower-case name used in settings, text and JSON output. */
  public String label() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** The SARIF 2.1.0 {@code level} of a result with this severity. */
  public String sarifLevel() {
    return sarifLevel;
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
