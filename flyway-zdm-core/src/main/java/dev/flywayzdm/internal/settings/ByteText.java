package dev.flywayzdm.internal.settings;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Amounts of bytes as PostgreSQL's own settings write them: {@code 0}, {@code 4096}, {@code 64kB},
 * {@code 512MB}, {@code 2GB}, {@code 1TB} (units of 1024, case-insensitive, {@code B} optional).
 */
public final class ByteText {

  /** What {@link #parse} accepts, for error messages. */
  public static final String ACCEPTED = "a size such as 0, 4096, 64kB, 512MB, 2GB or 1TB (units of 1024)";

  private static final Pattern SIZE = Pattern.compile("(\\d+)\\s*(b|kb|k|mb|m|gb|g|tb|t)?");
  private static final String[] UNITS = {"TB", "GB", "MB", "kB"};

  private ByteText() {}

  /** Parses a size; throws naming {@code key}, the text and what is accepted. */
  public static long parse(String key, String text) {
    Matcher matcher = SIZE.matcher(text == null ? "" : text.trim().toLowerCase(Locale.ROOT));
    if (!matcher.matches()) {
      throw new IllegalArgumentException(key + " = '" + text + "' is not a size: expected " + ACCEPTED);
    }
    String unit = matcher.group(2) == null ? "b" : matcher.group(2);
    int shift = switch (unit.charAt(0)) {
      case 'k' -> 10;
      case 'm' -> 20;
      case 'g' -> 30;
      case 't' -> 40;
      default -> 0;
    };
    try {
      long number = Long.parseLong(matcher.group(1));
      if (number > (Long.MAX_VALUE >> shift)) {
        throw new NumberFormatException();
      }
      return number << shift;
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(key + " = '" + text + "' is too large: expected " + ACCEPTED, e);
    }
  }

  /** The shortest exact form: {@code 1GB}, {@code 1536MB}, {@code 1000}. */
  public static String format(long bytes) {
    for (int i = 0; i < UNITS.length; i++) {
      int shift = 40 - 10 * i;
      if (bytes != 0 && bytes % (1L << shift) == 0) {
        return (bytes >> shift) + UNITS[i];
      }
    }
    return Long.toString(bytes);
  }

  /** Roughly, for logs: {@code 12.3 MB}. */
  public static String roughly(long bytes) {
    if (bytes < 1024) {
      return bytes + " bytes";
    }
    double value = bytes;
    String[] units = {"kB", "MB", "GB", "TB"};
    int unit = -1;
    while (value >= 1024 && unit < units.length - 1) {
      value /= 1024;
      unit++;
    }
    return String.format(Locale.ROOT, "%.1f %s", value, units[unit]);
  }
}
