package dev.flywayzdm.lint;

import dev.flywayzdm.lint.internal.LintSession;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Properties;
import java.util.stream.Stream;

/**
 * Statically checks Flyway SQL migrations for statements that would block reads or writes, rewrite a
 * large table, or break the application version that is still running. Needs no database.
 *
 * <pre>{@code
 * Linter linter = new Linter(LintOptions.builder().targetMajor(16).build());
 * LintReport report = linter.lint(List.of(
 *     MigrationSource.of("V1__orders.sql", "CREATE TABLE orders (id bigint PRIMARY KEY, note text);"),
 *     MigrationSource.of("V2__index.sql", "CREATE INDEX orders_note_idx ON orders (note);"),
 *     MigrationSource.of("V3__customers_index.sql", "CREATE INDEX customers_name_idx ON customers (name);")));
 * report.findings().forEach(f -> System.out.println(f.toText()));
 * // V3__customers_index.sql:1:1 require-concurrent-index-creation CREATE INDEX customers_name_idx on ...
 * System.out.println(report.summary());
 * // 1 error, 1 warning in 3 files (3 statements)
 * }</pre>
 *
 * V2 is fine: {@code orders} is created by V1 in the same run, so it is empty. A migration the
 * database already ran is marked {@link MigrationSource#asApplied()}: it is read as context (its
 * tables exist and hold rows) and never reported; when nobody knows which files ran,
 * {@link LintOptions.Builder#eachFileAlone(boolean)} judges each file as on the day it was added.
 * {@link LintReport#scope()} says which files were pending, applied, and never run by Flyway.
 * Thread-safe: every {@code lint} call uses a fresh session.
 */
public final class Linter {

  private final LintOptions options;

  /** A linter judging with {@code options}. */
  public Linter(LintOptions options) {
    this.options = Objects.requireNonNull(options, "options");
  }

  /** A linter with {@link LintOptions#defaults()}. */
  public static Linter withDefaults() {
    return new Linter(LintOptions.defaults());
  }

  /** The options this linter judges with. */
  public LintOptions options() {
    return options;
  }

  /** A session for linting migrations one by one, in order (as the callback does). */
  public Session session() {
    return new Session(new LintSession(options.sessionOptions()));
  }

  /** Lints migrations in Flyway order ({@link MigrationSource#FLYWAY_ORDER}), whatever order they come in. */
  public LintReport lint(List<MigrationSource> sources) {
    List<MigrationSource> ordered = new ArrayList<>(sources);
    ordered.sort(MigrationSource.FLYWAY_ORDER);
    Session session = session();
    ordered.forEach(session::lint);
    return session.report();
  }

  /**
   * Lints every {@code *.sql} file under a directory (a Flyway {@code filesystem:} location), honouring
   * {@code executeInTransaction} in {@code <file>.sql.conf} files.
   */
  public LintReport lint(Path directory) throws IOException {
    List<MigrationSource> sources = new ArrayList<>();
    try (Stream<Path> files = Files.walk(directory)) {
      for (Path file : (Iterable<Path>) files.filter(Files::isRegularFile)
          .filter(p -> p.getFileName().toString().endsWith(".sql")).sorted()::iterator) {
        String name = directory.relativize(file).toString().replace('\\', '/');
        MigrationSource source = MigrationSource.of(name, Files.readString(file, StandardCharsets.UTF_8));
        Optional<Boolean> inTransaction = scriptConfig(file.resolveSibling(file.getFileName() + ".conf"));
        sources.add(inTransaction.map(source::withExecuteInTransaction).orElse(source));
      }
    }
    return lint(sources);
  }

  /** Lints one migration on its own, as if no other migration were pending. */
  public List<Finding> lintScript(String fileName, String sql) {
    return session().lintScript(fileName, sql);
  }

  private static Optional<Boolean> scriptConfig(Path conf) throws IOException {
    if (!Files.isRegularFile(conf)) {
      return Optional.empty();
    }
    Properties properties = new Properties();
    properties.load(new StringReader(Files.readString(conf, StandardCharsets.UTF_8)));
    String value = properties.getProperty("executeInTransaction");
    return value == null ? Optional.empty() : Optional.of(Boolean.parseBoolean(value.trim()));
  }

  /**
   * Lints migrations one at a time, in the order Flyway applies them, remembering what earlier ones
   * did: a table created by an earlier migration of the session is new and empty, so indexing or
   * altering it later is not reported. Not thread-safe; one session per migration run. This is the
   * entry point for linting just before each migration runs (the callback does):
   *
   * <pre>{@code
   * Linter.Session session = new Linter(LintOptions.builder().callbackActive(true).build()).session();
   * // for each pending SQL migration, in order:
   * List<Finding> findings = session.lintScript("V7__add_index.sql", sql);
   * }</pre>
   */
  public static final class Session {

    private final LintSession engine;
    private final List<String> pendingFiles = new ArrayList<>();
    private final List<String> appliedFiles = new ArrayList<>();
    private final List<String> notRunFiles = new ArrayList<>();

    private Session(LintSession engine) {
      this.engine = engine;
    }

    /** Lints one migration whose transaction mode Flyway derives from its statements. */
    public List<Finding> lintScript(String fileName, String sql) {
      return lint(MigrationSource.of(fileName, sql));
    }

    /**
     * Lints the next migration. Applied migrations ({@link MigrationSource#applied()}, those up to
     * {@link LintOptions#startAfter()}) and baseline migrations, which only ever run on an empty
     * database, are read for their schema and return no findings; a file Flyway never runs is only listed.
     *
     * @return the findings of this migration, ordered by line and column
     */
    public List<Finding> lint(MigrationSource source) {
      if (source.kind() == MigrationSource.Kind.NOT_A_MIGRATION) {
        notRunFiles.add(source.fileName() + ": " + source.description());
        return List.of();
      }
      boolean context = source.applied() || source.kind() == MigrationSource.Kind.BASELINE;
      int before = engine.files();
      List<Finding> findings = EngineFindings.toPublic(engine.lint(source.fileName(), source.sql(),
          source.executeInTransaction(), source.version(), context));
      // the engine counts the files it reported on: the others were applied (or before startAfter)
      (engine.files() > before ? pendingFiles : appliedFiles).add(source.fileName());
      return findings;
    }

    /** Everything found so far in this session, and which files were pending, applied and never run. */
    public LintReport report() {
      return new LintReport(EngineFindings.toPublic(engine.findings()), engine.files(), engine.statements(),
          pendingFiles, appliedFiles, notRunFiles);
    }
  }
}
