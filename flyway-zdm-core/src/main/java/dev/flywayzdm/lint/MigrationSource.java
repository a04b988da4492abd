package dev.flywayzdm.lint;

import dev.flywayzdm.lint.internal.VersionOrder;
import java.util.Comparator;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The text of one SQL migration and what Flyway derives from its name.
 *
 * @param fileName the file name, e.g. {@code V7__add_index.sql}; used in findings
 * @param sql the file's content, before Flyway replaces placeholders
 * @param executeInTransaction the {@code executeInTransaction} of a {@code V7__add_index.sql.conf},
 *     or empty when there is none and Flyway decides from the statements
 */
public record MigrationSource(String fileName, String sql, Optional<Boolean> executeInTransaction) {

  private static final Pattern VERSIONED = Pattern.compile("^[VB]([0-9][0-9._]*?)(?:__(.*))?\\.sql$");
  private static final Pattern REPEATABLE = Pattern.compile("^R__(.*)\\.sql$");

  /**
   * The order in which Flyway applies migrations: versioned ones by version, then repeatable ones by
   * description; files that follow neither naming scheme come last, by name.
   */
  public static final Comparator<MigrationSource> FLYWAY_ORDER = Comparator
      .comparingInt(MigrationSource::orderGroup)
      .thenComparing((a, b) -> a.version().isPresent() ? compareVersions(a.version().get(), b.version().get()) : 0)
      .thenComparing(MigrationSource::description)
      .thenComparing(MigrationSource::fileName);

  public MigrationSource {
    Objects.requireNonNull(fileName, "fileName");
    Objects.requireNonNull(sql, "sql");
    Objects.requireNonNull(executeInTransaction, "executeInTransaction");
  }

  /** A migration whose transaction mode Flyway derives from its statements. */
  public static MigrationSource of(String fileName, String sql) {
    return new MigrationSource(fileName, sql, Optional.empty());
  }

  /** The same migration as configured by a {@code .sql.conf} file's {@code executeInTransaction}. */
  public MigrationSource withExecuteInTransaction(boolean inTransaction) {
    return new MigrationSource(fileName, sql, Optional.of(inTransaction));
  }

  /** The Flyway version of a {@code V} file, with {@code _} read as {@code .}: {@code V1_2__x.sql} is {@code 1.2}. */
  public Optional<String> version() {
    Matcher matcher = VERSIONED.matcher(baseName());
    return matcher.matches() ? Optional.of(matcher.group(1).replace('_', '.')) : Optional.empty();
  }

  /** Whether this is a repeatable {@code R__} migration. */
  public boolean repeatable() {
    return REPEATABLE.matcher(baseName()).matches();
  }

  /** The description part of the name, e.g. {@code add_index}. */
  public String description() {
    Matcher versioned = VERSIONED.matcher(baseName());
    if (versioned.matches()) {
      return versioned.group(2) == null ? "" : versioned.group(2);
    }
    Matcher repeatable = REPEATABLE.matcher(baseName());
    return repeatable.matches() ? repeatable.group(1) : baseName();
  }

  private String baseName() {
    int slash = Math.max(fileName.lastIndexOf('/'), fileName.lastIndexOf('\\'));
    return fileName.substring(slash + 1);
  }

  private int orderGroup() {
    return version().isPresent() ? 0 : repeatable() ? 1 : 2;
  }

  /** Compares Flyway versions part by part as numbers: {@code 1.10} comes after {@code 1.9}. */
  static int compareVersions(String a, String b) {
    return VersionOrder.compare(a, b);
  }
}
