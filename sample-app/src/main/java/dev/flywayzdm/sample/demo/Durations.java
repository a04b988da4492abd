package dev.flywayzdm.sample.demo;

import java.time.Duration;
import java.util.Locale;

/** Human-readable durations for the demo's console and report. */
public final class Durations {

  private Durations() {}

  public static String millis(long nanos) {
    double ms = nanos / 1e6;
    if (ms < 10) {
      return String.format(Locale.ROOT, "%.1f ms", ms);
    }
    if (ms < 10_000) {
      return String.format(Locale.ROOT, "%,.0f ms", ms);
    }
    return String.format(Locale.ROOT, "%.1f s", ms / 1000);
  }

  public static String of(Duration duration) {
    return millis(duration.toNanos());
  }
}
