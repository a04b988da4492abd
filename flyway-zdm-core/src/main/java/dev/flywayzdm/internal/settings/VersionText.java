package dev.flywayzdm.internal.settings;

import java.util.Optional;

/** A Flyway version as users write it in a setting ({@code 41}, {@code 1.2}, {@code 1_2}), checked once. */
public final class VersionText {

  private VersionText() {}

  /** The version normalized to dots; empty for null or blank text. */
  public static Optional<String> parse(String key, String version) {
    if (version == null || version.isBlank()) {
      return Optional.empty();
    }
    String normalized = version.trim().replace('_', '.');
    if (!normalized.matches("[0-9]+(\\.[0-9]+)*")) {
      throw new IllegalArgumentException(key + " = '" + normalized + "' is not a Flyway version: expected"
          + " the version of the last migration applied before flyway-zdm, such as 41 or 1.2 (1_2 is read as 1.2)");
    }
    return Optional.of(normalized);
  }
}
