package dev.flywayzdm.maven;

import dev.flywayzdm.lint.LintReport;
import dev.flywayzdm.lint.Severity;
import java.util.Optional;

/**
 * The lowest severity that fails the build ({@code zdm.failOn}): {@code error} (default),
 * {@code warning}, {@code advice}, or {@code none} to only report.
 */
record FailOn(Optional<Severity> threshold) {

  static FailOn parse(String text) {
    if (text == null || text.isBlank()) {
      return new FailOn(Optional.of(Severity.ERROR));
    }
    if (text.trim().equalsIgnoreCase("none")) {
      return new FailOn(Optional.empty());
    }
    try {
      return new FailOn(Optional.of(Severity.parse(text)));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("zdm.failOn = '" + text + "' is not one of error, warning, advice, none", e);
    }
  }

  boolean fails(LintReport report) {
    return threshold.map(report::hasFindingsAtLeast).orElse(false);
  }

  String label() {
    return threshold.map(Severity::label).orElse("none");
  }
}
