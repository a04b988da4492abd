package dev.flywayzdm.lint.internal.naming;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Flyway's naming settings for SQL migrations: {@code sqlMigrationPrefix} (may be empty, as in
 * {@code 20230306111639__x.sql}), {@code repeatableSqlMigrationPrefix}, the baseline prefix,
 * {@code sqlMigrationSeparator} and {@code sqlMigrationSuffixes}. Parses a file name the way Flyway's
 * resource resolver does, so a file Flyway would skip is known as such instead of being linted as if
 * it ran.
 */
public record MigrationNaming(String prefix, String repeatablePrefix, String baselinePrefix, String separator,
    List<String> suffixes) {

  /** Flyway's defaults: {@code V}, {@code R}, {@code B}, {@code __}, {@code .sql}. */
  public static final MigrationNaming DEFAULTS = new MigrationNaming("V", "R", "B", "__", List.of(".sql"));

  /**
   * @throws IllegalArgumentException naming the setting when the separator is empty or no suffix is given
   */
  public MigrationNaming {
    Objects.requireNonNull(prefix, "sqlMigrationPrefix");
    Objects.requireNonNull(repeatablePrefix, "repeatableSqlMigrationPrefix");
    Objects.requireNonNull(baselinePrefix, "baselineMigrationPrefix");
    if (separator == null || separator.isEmpty()) {
      throw new IllegalArgumentException("sqlMigrationSeparator must not be empty (Flyway's default is __)");
    }
    suffixes = List.copyOf(suffixes);
    if (suffixes.isEmpty() || suffixes.stream().anyMatch(String::isEmpty)) {
      throw new IllegalArgumentException("sqlMigrationSuffixes must name at least one non-empty suffix such as .sql,"
          + " was " + suffixes);
    }
  }

  /** Whether the file has one of the suffixes: only such files are candidates at all. */
  public boolean hasSuffix(String baseName) {
    return suffix(baseName).isPresent();
  }

  /** What Flyway makes of the file {@code baseName} (no directory). */
  public MigrationFileName parse(String baseName) {
    Optional<String> suffix = suffix(baseName);
    if (suffix.isEmpty()) {
      return MigrationFileName.notAMigration("its name does not end with " + String.join(" or ", suffixes)
          + " (sqlMigrationSuffixes)");
    }
    String stem = baseName.substring(0, baseName.length() - suffix.get().length());
    // Repeatable before versioned: with an empty sqlMigrationPrefix every name would match that one.
    if (!repeatablePrefix.isEmpty() && stem.startsWith(repeatablePrefix + separator)) {
      return new MigrationFileName(FileKind.REPEATABLE, Optional.empty(),
          stem.substring(repeatablePrefix.length() + separator.length()), Optional.empty());
    }
    if (!baselinePrefix.isEmpty() && stem.startsWith(baselinePrefix)) {
      Optional<MigrationFileName> baseline = versioned(FileKind.BASELINE, stem.substring(baselinePrefix.length()));
      if (baseline.isPresent()) {
        return baseline.get();
      }
    }
    if (stem.startsWith(prefix)) {
      Optional<MigrationFileName> versioned = versioned(FileKind.VERSIONED, stem.substring(prefix.length()));
      if (versioned.isPresent()) {
        return versioned.get();
      }
    }
    return MigrationFileName.notAMigration("its name matches none of Flyway's patterns: " + expected()
        + " (sqlMigrationPrefix '" + prefix + "', repeatableSqlMigrationPrefix '" + repeatablePrefix
        + "', sqlMigrationSeparator '" + separator + "')");
  }

  /** The shapes Flyway accepts, for messages: {@code V<version>__<description>.sql or R__<description>.sql}. */
  public String expected() {
    return prefix + "<version>" + separator + "<description>" + suffixes.get(0) + " or " + repeatablePrefix
        + separator + "<description>" + suffixes.get(0);
  }

  private Optional<MigrationFileName> versioned(FileKind kind, String rest) {
    int at = rest.indexOf(separator);
    String version = at < 0 ? rest : rest.substring(0, at);
    String description = at < 0 ? "" : rest.substring(at + separator.length());
    if (at < 0 || !version.matches("[0-9]+([._][0-9]+)*")) {
      return Optional.empty();
    }
    return Optional.of(new MigrationFileName(kind, Optional.of(version.replace('_', '.')), description,
        Optional.empty()));
  }

  private Optional<String> suffix(String baseName) {
    return suffixes.stream().filter(s -> baseName.length() > s.length() && baseName.endsWith(s)).findFirst();
  }
}
