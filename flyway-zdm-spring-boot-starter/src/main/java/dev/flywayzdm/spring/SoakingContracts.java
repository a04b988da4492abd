package dev.flywayzdm.spring;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * What start-up does when a pending contract migration is still inside its soak
 * ({@code flyway.zdm.boot.soaking-contracts}).
 */
enum SoakingContracts {
  /**
   * The default: migrate every migration before the first soaking contract, start, and log (WARN) which
   * migrations were deferred, from when they may run and how they are applied later. Only when Flyway
   * migrates to {@code latest}: a run with an explicit target fails instead, because its caller asked for
   * that version.
   */
  DEFER,
  /** Let the callback refuse the contract: the migrate, and so the start-up, fails. */
  FAIL;

  static final String KEY = "flyway.zdm.boot.soaking-contracts";

  static SoakingContracts parse(String text) {
    if (text == null || text.isBlank()) {
      return DEFER;
    }
    String wanted = text.trim().toUpperCase(Locale.ROOT);
    return Arrays.stream(values()).filter(mode -> mode.name().equals(wanted)).findFirst()
        .orElseThrow(() -> new IllegalArgumentException(KEY + " = '" + text + "' is not accepted: expected one of "
            + Arrays.stream(values()).map(SoakingContracts::text).collect(Collectors.joining(", "))));
  }

  String text() {
    return name().toLowerCase(Locale.ROOT);
  }
}
