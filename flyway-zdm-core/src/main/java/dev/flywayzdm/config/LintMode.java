package dev.flywayzdm.config;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** What the callback does with linter findings before a SQL migration runs ({@code flyway.zdm.lint}). */
public enum LintMode {
  /** Do not lint. */
  OFF,
  /** Log findings and run the migration. */
  WARN,
  /** Refuse to run a migration with error-level findings. */
  FAIL;

  /** Parses {@code off}, {@code warn} or {@code fail}, in any case. */
  public static LintMode parse(String key, String text) {
    try {
      return valueOf(text.trim().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException | NullPointerException e) {
      throw new IllegalArgumentException(key + " = '" + text + "' is not one of "
          + Arrays.stream(values()).map(v -> v.name().toLowerCase(Locale.ROOT)).collect(Collectors.joining(", ")), e);
    }
  }
}
