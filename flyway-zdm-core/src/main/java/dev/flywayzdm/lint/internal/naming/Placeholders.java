package dev.flywayzdm.lint.internal.naming;

import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * Flyway's placeholder replacement: {@code ${name}} (with the configured {@code placeholderPrefix} and
 * {@code placeholderSuffix}) becomes its value before the SQL runs, so the linter must read the SQL
 * after it, as the database will. Names Flyway itself defines ({@code flyway:defaultSchema},
 * {@code flyway:user}, ...) get a stand-in value when not given, since only their shape matters here.
 *
 * @param values the placeholders by name
 * @param prefix the placeholder prefix, {@code ${} by default
 * @param suffix the placeholder suffix, {@code }} by default
 * @param enabled Flyway's {@code placeholderReplacement}; when false the text is left as it is
 */
public record Placeholders(Map<String, String> values, String prefix, String suffix, boolean enabled) {

  /** Flyway's defaults with no placeholder values. */
  public static final Placeholders NONE = new Placeholders(Map.of(), "${", "}", true);

  public Placeholders {
    values = Map.copyOf(values);
    Objects.requireNonNull(prefix, "placeholderPrefix");
    Objects.requireNonNull(suffix, "placeholderSuffix");
    if (prefix.isEmpty() || suffix.isEmpty()) {
      throw new IllegalArgumentException("placeholderPrefix and placeholderSuffix must not be empty, were '" + prefix
          + "' and '" + suffix + "'");
    }
  }

  /** The result of replacing: the new text and the names that had no value (Flyway refuses such a file). */
  public record Replaced(String sql, Set<String> missing) {}

  /** Replaces every known placeholder in {@code sql}; unknown ones stay as they are and are listed. */
  public Replaced replace(String sql, String fileName) {
    if (!enabled || !sql.contains(prefix)) {
      return new Replaced(sql, Set.of());
    }
    StringBuilder out = new StringBuilder(sql.length());
    Set<String> missing = new TreeSet<>();
    int from = 0;
    while (true) {
      int start = sql.indexOf(prefix, from);
      int end = start < 0 ? -1 : sql.indexOf(suffix, start + prefix.length());
      if (start < 0 || end < 0) {
        out.append(sql, from, sql.length());
        return new Replaced(out.toString(), missing);
      }
      String name = sql.substring(start + prefix.length(), end);
      String value = value(name, fileName);
      out.append(sql, from, start);
      if (value == null) {
        missing.add(name);
        out.append(sql, start, end + suffix.length());
      } else {
        out.append(value);
      }
      from = end + suffix.length();
    }
  }

  private String value(String name, String fileName) {
    String given = values.get(name);
    if (given != null) {
      return given;
    }
    return switch (name) {
      case "flyway:defaultSchema" -> "public";
      case "flyway:user" -> "flyway";
      case "flyway:database" -> "app";
      case "flyway:timestamp" -> "2000-01-01 00:00:00";
      case "flyway:filename" -> fileName;
      case "flyway:workingDirectory" -> ".";
      case "flyway:table" -> "flyway_schema_history";
      case "flyway:environment" -> "default";
      default -> null;
    };
  }
}
