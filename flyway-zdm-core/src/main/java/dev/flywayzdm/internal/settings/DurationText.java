package dev.flywayzdm.internal.settings;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Durations as users write them in settings: {@code 500ms}, {@code 2s}, {@code 5m}, {@code 24h},
 * {@code 7d}, {@code 0}, or ISO-8601 ({@code PT2S}, {@code P1D}); and waits as people say them.
 *
 * <pre>{@code
 * Duration soak = DurationText.parse("flyway.zdm.soak", "24h");
 * DurationText.format(soak);                          // "1d": the short form, exact
 * DurationText.roughly(Duration.ofSeconds(86_399));   // "23h 59m": for "... to go" in logs and reports
 * }</pre>
 */
public final class DurationText {

  /** What {@link #parse} accepts, for error messages. */
  public static final String ACCEPTED = "a duration such as 500ms, 2s, 5m, 24h, 7d, 0 or ISO-8601 (PT2S)";

  private static final Pattern SHORT = Pattern.compile("(\\d+)\\s*(ms|s|m|h|d)?");

  private DurationText() {}

  /**
   * Parses a non-negative duration.
   *
   * @param key the setting's name, used in the error message
   * @throws IllegalArgumentException naming the key, the value and what is accepted
   */
  public static Duration parse(String key, String text) {
    if (text == null || text.isBlank()) {
      throw invalid(key, text);
    }
    String trimmed = text.trim();
    Matcher matcher = SHORT.matcher(trimmed.toLowerCase(Locale.ROOT));
    Duration duration;
    if (matcher.matches()) {
      long amount;
      try {
        amount = Long.parseLong(matcher.group(1));
      } catch (NumberFormatException e) {
        throw invalid(key, text);
      }
      String unit = matcher.group(2) == null ? (amount == 0 ? "s" : "") : matcher.group(2);
      duration = inUnit(key, text, amount, unit);
    } else {
      try {
        duration = Duration.parse(trimmed.toUpperCase(Locale.ROOT));
      } catch (DateTimeParseException e) {
        throw invalid(key, text);
      }
    }
    if (duration.isNegative()) {
      throw new IllegalArgumentException(key + " = '" + text + "' is negative: expected " + ACCEPTED);
    }
    return duration;
  }

  private static Duration inUnit(String key, String text, long amount, String unit) {
    try {
      return switch (unit) {
        case "ms" -> Duration.ofMillis(amount);
        case "s" -> Duration.ofSeconds(amount);
        case "m" -> Duration.ofMinutes(amount);
        case "h" -> Duration.ofHours(amount);
        case "d" -> Duration.ofDays(amount);
        default -> throw new IllegalArgumentException(key + " = '" + text + "' has no unit: write "
            + amount + "ms or " + amount + "s (" + ACCEPTED + ")");
      };
    } catch (ArithmeticException e) {
      throw new IllegalArgumentException(key + " = '" + text + "' is too long to be a duration: expected " + ACCEPTED, e);
    }
  }

  /** The short form users write ({@code 2s}, {@code 1500ms}, {@code 24h}). */
  public static String format(Duration duration) {
    long millis = duration.toMillis();
    if (millis == 0) {
      return "0";
    }
    if (millis % 86_400_000 == 0) {
      return millis / 86_400_000 + "d";
    }
    if (millis % 3_600_000 == 0) {
      return millis / 3_600_000 + "h";
    }
    if (millis % 60_000 == 0) {
      return millis / 60_000 + "m";
    }
    if (millis % 1000 == 0) {
      return millis / 1000 + "s";
    }
    return millis + "ms";
  }

  /**
   * A wait as people say it, in its two largest units, rounded down: {@code 2d 3h}, {@code 23h 59m},
   * {@code 4m 10s}, {@code 12s}. For telling how long is left, not for settings ({@link #format} is exact).
   * A negative duration reads as {@code 0s}.
   */
  public static String roughly(Duration duration) {
    long seconds = Math.max(0, duration.toSeconds());
    if (seconds >= 86_400) {
      return seconds / 86_400 + "d " + seconds % 86_400 / 3600 + "h";
    }
    if (seconds >= 3600) {
      return seconds / 3600 + "h " + seconds % 3600 / 60 + "m";
    }
    if (seconds >= 60) {
      return seconds / 60 + "m " + seconds % 60 + "s";
    }
    return seconds + "s";
  }

  private static IllegalArgumentException invalid(String key, String text) {
    return new IllegalArgumentException(key + " = '" + text + "' is not " + ACCEPTED);
  }
}
