package dev.flywayzdm.lint;

import dev.flywayzdm.lint.internal.VersionOrder;
import dev.flywayzdm.lint.internal.naming.MigrationFileName;
import dev.flywayzdm.lint.internal.naming.MigrationNaming;
import java.util.Comparator;
import java.util.Objects;
import java.util.Optional;

/**
 * The text of one SQL migration, what Flyway makes of its name, and whether it is already applied.
 *
 * @param fileName the file name, e.g. {@code V7__add_index.sql}; used in findings
 * @param sql the file's content, with placeholders already replaced as Flyway would
 * @param executeInTransaction the {@code executeInTransaction} of a {@code V7__add_index.sql.conf},
 *     or empty when there is none and Flyway decides from the statements
 * @param kind versioned, baseline, repeatable, or a file Flyway never runs
 * @param version the Flyway version of a versioned or baseline migration ({@code V1_2__x.sql} is {@code 1.2})
 * @param description the part of the name after the version, e.g. {@code add_index}; for a file Flyway
 *     never runs, why not
 * @param applied whether the target database already ran it: then it is context (its tables exist and
 *     hold rows), never a source of findings
 */
public record MigrationSource(String fileName, String sql, Optional<Boolean> executeInTransaction, Kind kind,
    Optional<String> version, String description, boolean applied) {

  /** What Flyway makes of a migration file. */
  public enum Kind {
    /** Runs only on an empty database, in place of the versioned migrations up to its version. */
    BASELINE,
    /** Runs once, in version order. */
    VERSIONED,
    /** Runs after all versioned migrations, again whenever it changes; ordered by description. */
    REPEATABLE,
    /** A file in a location that Flyway never runs (another prefix or suffix, no separator). */
    NOT_A_MIGRATION
  }

  /**
   * The order in which Flyway applies migrations (declaration order of {@link Kind}): baseline then
   * versioned ones by version (Flyway's
   * {@code MigrationVersion} order, so {@code 1.10} comes after {@code 1.9}), then repeatable ones by
   * description; files Flyway never runs come last, by name.
   */
  public static final Comparator<MigrationSource> FLYWAY_ORDER = Comparator
      .comparingInt((MigrationSource m) -> m.kind().ordinal())
      .thenComparing((a, b) -> a.version().isPresent() && b.version().isPresent()
          ? compareVersions(a.version().get(), b.version().get()) : 0)
      .thenComparing(MigrationSource::description)
      .thenComparing(MigrationSource::fileName);

  public MigrationSource {
    Objects.requireNonNull(fileName, "fileName");
    Objects.requireNonNull(sql, "sql");
    Objects.requireNonNull(executeInTransaction, "executeInTransaction");
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(version, "version");
    Objects.requireNonNull(description, "description");
    if (version.isPresent() != (kind == Kind.VERSIONED || kind == Kind.BASELINE)) {
      throw new IllegalArgumentException(fileName + ": a " + kind + " migration " + (version.isPresent()
          ? "has no version, was given " + version.get() : "needs a version"));
    }
  }

  /** A pending migration named with Flyway's default naming, whose transaction mode Flyway derives. */
  public static MigrationSource of(String fileName, String sql) {
    MigrationFileName name = MigrationNaming.DEFAULTS.parse(baseName(fileName));
    return new MigrationSource(fileName, sql, Optional.empty(), Kind.valueOf(name.kind().name()), name.version(),
        name.problem().orElse(name.description()), false);
  }

  /** A pending versioned migration, as Flyway named it (whatever the file's name looks like). */
  public static MigrationSource versioned(String fileName, String sql, String version, String description) {
    return new MigrationSource(fileName, sql, Optional.empty(), Kind.VERSIONED, Optional.of(version.replace('_', '.')),
        description, false);
  }

  /** A pending repeatable migration. */
  public static MigrationSource repeatable(String fileName, String sql, String description) {
    return new MigrationSource(fileName, sql, Optional.empty(), Kind.REPEATABLE, Optional.empty(), description, false);
  }

  /** The same migration as configured by a {@code .sql.conf} file's {@code executeInTransaction}. */
  public MigrationSource withExecuteInTransaction(boolean inTransaction) {
    return new MigrationSource(fileName, sql, Optional.of(inTransaction), kind, version, description, applied);
  }

  /** The same migration, already applied to the target database: context, not findings. */
  public MigrationSource asApplied() {
    return new MigrationSource(fileName, sql, executeInTransaction, kind, version, description, true);
  }

  /** The same migration with other SQL (e.g. after placeholder replacement). */
  public MigrationSource withSql(String replaced) {
    return new MigrationSource(fileName, replaced, executeInTransaction, kind, version, description, applied);
  }

  /** Whether this is a repeatable migration. */
  public boolean repeatable() {
    return kind == Kind.REPEATABLE;
  }

  /** The file name without its directories. */
  public String baseName() {
    return baseName(fileName);
  }

  private static String baseName(String fileName) {
    int slash = Math.max(fileName.lastIndexOf('/'), fileName.lastIndexOf('\\'));
    return fileName.substring(slash + 1);
  }

  /**
   * Compares Flyway versions as Flyway's {@code MigrationVersion} does, part by part as numbers:
   * {@code 1.10} after {@code 1.9}, {@code 1.0} equal to {@code 1}. Written out rather than calling
   * Flyway, so the linter runs on its own classes; a test holds it to Flyway's order.
   */
  static int compareVersions(String a, String b) {
    return VersionOrder.compare(a, b);
  }
}
