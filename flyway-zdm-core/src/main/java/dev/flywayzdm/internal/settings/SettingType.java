package dev.flywayzdm.internal.settings;

import java.time.Duration;
import java.util.Objects;

/**
 * How the text of a setting is read and which values it accepts: the parser and the range of one
 * column of the {@link SettingKey} table. Every message names the key, the value and what is accepted.
 */
public enum SettingType {
  /** A duration PostgreSQL holds as a timeout: 1ms to {@link #MAX_SERVER_DURATION} (0 would mean none). */
  SERVER_TIMEOUT,
  /** The same, where 0 means none. */
  SERVER_TIMEOUT_OR_ZERO,
  /** A wait measured by flyway-zdm itself: 0 to {@link #MAX_SOAK}. */
  SOAK,
  /** A whole number, 0 or more. */
  COUNT,
  /** A whole number, 1 or more. */
  POSITIVE_COUNT,
  /** An amount of bytes as PostgreSQL writes it ({@code 512MB}, {@code 1GB}, {@code 64kB}, {@code 0}), 0 or more. */
  BYTES,
  /** Text the public settings read with a parser of their own (a mode, rule ids, a version). */
  TEXT;

  /**
   * The longest duration PostgreSQL can hold in {@code lock_timeout} or {@code statement_timeout}
   * (a 32-bit number of milliseconds, about 24.8 days).
   */
  public static final Duration MAX_SERVER_DURATION = Duration.ofMillis(Integer.MAX_VALUE);

  /** The longest soak accepted: ten years is far past any rollout, and keeps date arithmetic exact. */
  public static final Duration MAX_SOAK = Duration.ofDays(3650);

  private static final String SERVER_RANGE = "1ms to " + DurationText.format(MAX_SERVER_DURATION)
      + " (24d 20h 31m 23.647s, the largest timeout PostgreSQL holds: a 32-bit number of milliseconds)";

  /** Parses and checks {@code text}: a {@link Duration}, an {@link Integer}, a {@link Long} of bytes or the trimmed text. */
  public Object parse(String key, String text) {
    return switch (this) {
      case SERVER_TIMEOUT, SERVER_TIMEOUT_OR_ZERO, SOAK -> check(key, DurationText.parse(key, text));
      case COUNT, POSITIVE_COUNT -> check(key, parseInt(key, text));
      case BYTES -> check(key, ByteText.parse(key, text));
      case TEXT -> text;
    };
  }

  /**
   * Checks a typed value against this type's range and returns it.
   *
   * @throws IllegalArgumentException naming the key, the value and what is accepted
   */
  public Object check(String key, Object value) {
    Objects.requireNonNull(value, key);
    switch (this) {
      case SERVER_TIMEOUT -> serverPositive(key, (Duration) value);
      case SERVER_TIMEOUT_OR_ZERO -> {
        nonNegative(key, (Duration) value);
        atMost(key, (Duration) value, MAX_SERVER_DURATION, "0 to " + SERVER_RANGE.substring("1ms to ".length()));
      }
      case SOAK -> {
        nonNegative(key, (Duration) value);
        atMost(key, (Duration) value, MAX_SOAK, "0 to " + DurationText.format(MAX_SOAK));
      }
      case COUNT -> {
        if ((Integer) value < 0) {
          throw new IllegalArgumentException(key + " = " + value + " is negative: expected 0 or more");
        }
      }
      case POSITIVE_COUNT -> {
        if ((Integer) value < 1) {
          throw new IllegalArgumentException(key + " = " + value + " must be at least 1");
        }
      }
      case BYTES -> {
        if ((Long) value < 0) {
          throw new IllegalArgumentException(key + " = " + value + " is negative: expected 0 or more bytes");
        }
      }
      case TEXT -> { }
    }
    return value;
  }

  /** The value as users write it: {@code 2s}, {@code 10}. */
  public String format(Object value) {
    if (this == BYTES) {
      return ByteText.format((Long) value);
    }
    return value instanceof Duration duration ? DurationText.format(duration) : String.valueOf(value);
  }

  /** What this type accepts, for the documentation. */
  public String accepted() {
    return switch (this) {
      case SERVER_TIMEOUT -> "duration, " + SERVER_RANGE;
      case SERVER_TIMEOUT_OR_ZERO -> "duration, 0 (none) to " + DurationText.format(MAX_SERVER_DURATION);
      case SOAK -> "duration, 0 to " + DurationText.format(MAX_SOAK);
      case COUNT -> "whole number, 0 or more";
      case POSITIVE_COUNT -> "whole number, 1 or more";
      case BYTES -> "bytes, " + ByteText.ACCEPTED;
      case TEXT -> "text";
    };
  }

  /** At least 1ms (0 would switch the PostgreSQL timeout off) and at most {@link #MAX_SERVER_DURATION}. */
  private static void serverPositive(String key, Duration value) {
    if (value.isNegative() || value.isZero()) {
      throw new IllegalArgumentException(key + " = " + DurationText.format(value) + " must be greater than 0");
    }
    if (value.toNanos() < 1_000_000) {
      throw new IllegalArgumentException(key + " = " + value + " is below 1ms, which PostgreSQL reads as 0 (no"
          + " timeout): accepted " + SERVER_RANGE);
    }
    atMost(key, value, MAX_SERVER_DURATION, SERVER_RANGE);
  }

  private static void atMost(String key, Duration value, Duration max, String range) {
    if (value.compareTo(max) > 0) {
      throw new IllegalArgumentException(key + " = " + DurationText.format(value) + " is too long: accepted " + range);
    }
  }

  private static void nonNegative(String key, Duration value) {
    if (value.isNegative()) {
      throw new IllegalArgumentException(key + " = " + DurationText.format(value) + " is negative: expected 0 or more");
    }
  }

  private static int parseInt(String key, String text) {
    try {
      return Integer.parseInt(text == null ? "" : text.trim());
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(key + " = '" + text + "' is not a whole number", e);
    }
  }
}
