package dev.flywayzdm.lint.internal.naming;

import java.util.ArrayList;
import java.util.List;
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

  /**
   * The result of replacing: the new text, the names that had no value (Flyway refuses such a file),
   * and where values changed the length of a line, so a finding's column can point into the file.
   */
  public record Replaced(String sql, Set<String> missing, List<Shift> shifts) {

    /**
     * A value on {@code line} of the new text from column {@code start} to before {@code end}, {@code delta}
     * characters longer than its placeholder.
     */
    public record Shift(int line, int start, int end, int delta) {}

    /** The column in the original file of {@code column} on {@code line} of the new text. */
    public int originalColumn(int line, int column) {
      int moved = 0;
      for (Shift shift : shifts) {
        if (shift.line() != line || shift.start() > column) {
          continue;
        }
        if (column < shift.end()) {
          return shift.start() - moved; // inside a value: where its placeholder starts
        }
        moved += shift.delta();
      }
      return column - moved;
    }
  }

  /** Replaces every known placeholder in {@code sql}; unknown ones stay as they are and are listed. */
  public Replaced replace(String sql, String fileName) {
    if (!enabled || !sql.contains(prefix)) {
      return new Replaced(sql, Set.of(), List.of());
    }
    StringBuilder out = new StringBuilder(sql.length());
    Set<String> missing = new TreeSet<>();
    List<Replaced.Shift> shifts = new ArrayList<>();
    int line = 1;
    int lineStart = 0;
    int from = 0;
    while (true) {
      int start = sql.indexOf(prefix, from);
      int end = start < 0 ? -1 : sql.indexOf(suffix, start + prefix.length());
      if (start < 0 || end < 0) {
        out.append(sql, from, sql.length());
        return new Replaced(out.toString(), missing, shifts);
      }
      for (int i = from; i < start; i++) {
        if (sql.charAt(i) == '\n') {
          line++;
          lineStart = out.length() + (i - from) + 1;
        }
      }
      out.append(sql, from, start);
      String name = sql.substring(start + prefix.length(), end);
      String value = value(name, fileName);
      int length = end + suffix.length() - start;
      if (value == null) {
        missing.add(name);
        out.append(sql, start, end + suffix.length());
      } else if (value.indexOf('\n') < 0) {
        int column = out.length() - lineStart + 1;
        out.append(value);
        if (value.length() != length) {
          shifts.add(new Replaced.Shift(line, column, column + value.length(), value.length() - length));
        }
      } else {
        // a value of several lines moves the lines after it; their columns are not mapped back
        out.append(value);
        line += (int) value.chars().filter(c -> c == '\n').count();
        lineStart = out.lastIndexOf("\n") + 1;
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
