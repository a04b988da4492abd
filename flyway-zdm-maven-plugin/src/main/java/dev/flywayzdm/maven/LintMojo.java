package dev.flywayzdm.maven;

import dev.flywayzdm.lint.Finding;
import dev.flywayzdm.lint.LintOptions;
import dev.flywayzdm.lint.LintReport;
import dev.flywayzdm.lint.Linter;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.flywaydb.core.api.FlywayException;

/**
 * Lints the project's SQL migrations for statements that block traffic or break the running
 * application. Only what is new is reported: migrations the target database already ran (its schema
 * history, when a URL is configured) or that are unchanged against a git ref ({@code -Dzdm.since})
 * are read as context. Prints {@code file:line:col rule-id message} and the safe alternative, writes
 * {@code lint.json} and {@code lint.sarif} to {@code reportDirectory}, and fails the build on findings
 * at or above {@code failOn}. Bound to {@code verify} when declared in {@code <executions>}.
 */
@Mojo(name = "lint", defaultPhase = LifecyclePhase.VERIFY, threadSafe = true)
public class LintMojo extends AbstractDatabaseMojo {

  /** The lowest severity that fails the build: error, warning, advice or none. */
  @Parameter(property = "zdm.failOn", defaultValue = "error")
  private String failOn;

  /** Rule ids that never report, e.g. {@code prefer-timestamptz}. */
  @Parameter(property = "zdm.disabledRules")
  private List<String> disabledRules;

  /** Severity overrides {@code <rule-id>=<error|warning|advice|off>}, e.g. {@code require-lock-timeout=warning}. */
  @Parameter(property = "zdm.severities")
  private List<String> severities;

  /** The PostgreSQL major the migrations run on; some rules depend on it (e.g. 11+ adds defaults without rewrite). */
  @Parameter(property = "zdm.targetPostgresVersion", defaultValue = "13")
  private int targetPostgresVersion;

  /**
   * Whether the migrations run with the flyway-zdm callback (or {@code zdm:migrate}), which sets
   * lock_timeout itself: then {@code require-lock-timeout} stays quiet.
   */
  @Parameter(property = "zdm.callbackActive", defaultValue = "false")
  private boolean callbackActive;

  /**
   * A git ref, e.g. {@code origin/main}: files new or changed since its merge base with {@code HEAD}
   * (committed or not) are pending, all others applied. For CI without a database.
   */
  @Parameter(property = "zdm.since")
  private String since;

  /**
   * Where applied migrations are learnt: {@code auto} (git with zdm.since, else the database when a URL
   * is configured, else nothing), {@code database}, {@code git} or {@code none}.
   */
  @Parameter(property = "zdm.appliedFrom", defaultValue = "auto")
  private String appliedFrom;

  /** Migrations up to and including this version are already applied: read, not reported. */
  @Parameter(property = "zdm.startAfter")
  private String startAfter;

  /** Where {@code lint.json} and {@code lint.sarif} are written. */
  @Parameter(property = "zdm.reportDirectory", defaultValue = "${project.build.directory}/zdm")
  private File reportDirectory;

  @Override
  protected String goal() {
    return "lint";
  }

  @Override
  protected void run() throws MojoExecutionException, MojoFailureException {
    FailOn threshold = parseFailOn();
    List<String> locations = locations();
    List<Path> directories = migrationDirectories(locations);
    FlywayNaming naming = naming();
    List<ProjectMigration> migrations = projectMigrations(directories, naming);
    if (migrations.isEmpty()) {
      getLog().warn("No SQL migrations found for locations " + locations + " in " + project.getBasedir()
          + ": set <locations> or -Dzdm.locations=classpath:db/migration,filesystem:sql");
    }
    LintScope scope = scope(migrations, directories, naming);
    LintOptions options = options().toBuilder().eachFileAlone(scope.eachFileAlone()).build();
    LintReport report = inFiles(new Linter(options).lint(
        scope.migrations().stream().map(ProjectMigration::source).toList()), migrations);
    LintConsole console = new LintConsole(getLog());
    report.findings().forEach(console::print);
    for (ProjectMigration migration : migrations) {
      if (!migration.missingPlaceholders().isEmpty()) {
        getLog().warn(migration.source().fileName() + ": placeholders without a value " + migration.missingPlaceholders()
            + ": Flyway refuses to run it; give them as flyway.placeholders.<name> or <placeholders>");
      }
    }
    report.notRunFiles().forEach(file -> getLog().warn("Flyway will never run " + file));
    writeReports(report);
    getLog().info("zdm:lint: " + scope.basis());
    report.scope().forEach(line -> getLog().info("zdm:lint: " + line));
    getLog().info("zdm:lint: " + report.summary() + "; reports in " + reportDirectory);
    if (threshold.fails(report)) {
      throw new MojoFailureException("zdm:lint found " + report.summary() + ", failing on " + threshold.label()
          + " or worse (zdm.failOn). Change the migrations as each finding's 'instead' says, suppress an intended"
          + " one with a comment '-- zdm:ignore <rule-id> <reason>' before the statement, or adjust"
          + " failOn / disabledRules / severities.");
    }
  }

  /** The report with each finding's column in the file as written, before placeholders were replaced. */
  private static LintReport inFiles(LintReport report, List<ProjectMigration> migrations) {
    Map<String, ProjectMigration> byName = new HashMap<>();
    migrations.forEach(m -> byName.put(m.source().fileName(), m));
    List<Finding> findings = report.findings().stream()
        .map(f -> byName.containsKey(f.file()) ? byName.get(f.file()).inFile(f) : f).toList();
    return new LintReport(findings, report.files(), report.statements(), report.pendingFiles(),
        report.appliedFiles(), report.notRunFiles());
  }

  private LintScope scope(List<ProjectMigration> migrations, List<Path> directories, FlywayNaming naming)
      throws MojoExecutionException {
    LintScope.Source source;
    try {
      source = LintScope.Source.parse(appliedFrom);
    } catch (IllegalArgumentException e) {
      throw new MojoExecutionException(e.getMessage(), e);
    }
    boolean git = source == LintScope.Source.GIT || source == LintScope.Source.AUTO && since != null && !since.isBlank();
    if (git) {
      if (since == null || since.isBlank()) {
        throw new MojoExecutionException("zdm.appliedFrom=git needs a ref: -Dzdm.since=origin/main");
      }
      try {
        return LintScope.fromGit(migrations, new GitBase(project.getBasedir().toPath(), since.trim()).changedFiles(),
            since.trim());
      } catch (IllegalArgumentException e) {
        throw new MojoExecutionException(e.getMessage(), e);
      }
    }
    if (source == LintScope.Source.DATABASE || source == LintScope.Source.AUTO && urlConfigured()) {
      ConnectionSettings connection = connection();
      try {
        return LintScope.fromHistory(migrations, HistoryMigrations.appliedFiles(connection, directories, naming),
            connection.toString());
      } catch (FlywayException e) {
        throw new MojoExecutionException("zdm:lint could not read the schema history of " + connection + ": "
            + e.getMessage() + ". Lint without the database with -Dzdm.since=origin/main (git) or"
            + " -Dzdm.appliedFrom=none", e);
      }
    }
    if (startAfter != null && !startAfter.isBlank()) {
      return LintScope.upTo(migrations, startAfter.trim());
    }
    return LintScope.unknown(migrations);
  }

  private FlywayNaming naming() throws MojoExecutionException {
    try {
      return FlywayNaming.of(projectFlywayConfiguration());
    } catch (IllegalArgumentException e) {
      throw new MojoExecutionException("zdm:lint: the project's Flyway naming: " + e.getMessage(), e);
    }
  }

  private FailOn parseFailOn() throws MojoExecutionException {
    try {
      return FailOn.parse(failOn);
    } catch (IllegalArgumentException e) {
      throw new MojoExecutionException(e.getMessage(), e);
    }
  }

  private LintOptions options() throws MojoExecutionException {
    try {
      return LintParameters.options(targetPostgresVersion, disabledRules, severities, callbackActive, startAfter);
    } catch (IllegalArgumentException e) {
      throw new MojoExecutionException("zdm:lint configuration: " + e.getMessage(), e);
    }
  }

  private void writeReports(LintReport report) throws MojoExecutionException {
    Path directory = reportDirectory.toPath();
    try {
      Files.createDirectories(directory);
      Files.writeString(directory.resolve("lint.json"), report.toJson(), StandardCharsets.UTF_8);
      Files.writeString(directory.resolve("lint.sarif"), report.toSarif(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new MojoExecutionException("Could not write the lint reports to " + directory + ": " + e.getMessage(), e);
    }
  }
}
