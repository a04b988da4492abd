package dev.flywayzdm.maven;

import dev.flywayzdm.lint.LintOptions;
import java.util.List;

/** Turns the lint parameters as Maven hands them over into {@link LintOptions}. */
final class LintParameters {

  private LintParameters() {}

  /**
   * @throws IllegalArgumentException naming an unknown rule id, a malformed override or a bad version
   */
  static LintOptions options(int targetMajor, List<String> disabledRules, List<String> severities,
      boolean callbackActive, String startAfter) {
    LintOptions.Builder builder = LintOptions.builder()
        .targetMajor(targetMajor)
        .callbackActive(callbackActive);
    if (disabledRules != null) {
      disabledRules.forEach(builder::disable);
    }
    if (severities != null) {
      severities.forEach(builder::severities);
    }
    if (startAfter != null && !startAfter.isBlank()) {
      builder.startAfter(startAfter.trim());
    }
    return builder.build();
  }
}
