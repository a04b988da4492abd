package dev.flywayzdm.maven;

import dev.flywayzdm.lint.LintOptions;
import dev.flywayzdm.lint.LintReport;
import dev.flywayzdm.lint.Linter;
import dev.flywayzdm.lint.MigrationSource;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * Lints the project's SQL migrations for statements that block traffic or break the running
 * application; needs no database. Prints {@code file:line:col rule-id message} and the safe
 * alternative, writes {@code lint.json} and {@code lint.sarif} to {@code reportDirectory}, and fails
 * the build on findings at or above {@code failOn}. Bound to {@code verify} when declared in
 * {@code <executions>}.
 */
@Mojo(name = "lint", defaultPhase = LifecyclePhase.VERIFY, threadSafe = true)
public class LintMojo extends AbstractZdmMojo {

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
    LintOptions options = options();
    List<String> locations = locations();
    List<MigrationSource> sources = sqlMigrations(locations);
    if (sources.isEmpty()) {
      getLog().warn("No SQL migrations found for locations " + locations + " in " + project.getBasedir()
          + ": set <locations> or -Dzdm.locations=classpath:db/migration,filesystem:sql");
    }
    LintReport report = new Linter(options).lint(sources);
    LintConsole console = new LintConsole(getLog());
    report.findings().forEach(console::print);
    writeReports(report);
    getLog().info("zdm:lint: " + report.summary() + "; reports in " + reportDirectory);
    if (threshold.fails(report)) {
      throw new MojoFailureException("zdm:lint found " + report.summary() + ", failing on " + threshold.label()
          + " or worse (zdm.failOn). Change the migrations as each finding's 'instead' says, suppress an intended"
          + " one with a comment '-- zdm:ignore <rule-id> <reason>' before the statement, or adjust"
          + " failOn / disabledRules / severities.");
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
