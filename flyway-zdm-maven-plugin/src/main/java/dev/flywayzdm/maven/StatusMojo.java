package dev.flywayzdm.maven;

import dev.flywayzdm.internal.history.ContractStatus;
import dev.flywayzdm.lint.LintOptions;
import dev.flywayzdm.lint.Linter;
import dev.flywayzdm.lint.MigrationSource;
import java.io.IOException;
import java.net.URLClassLoader;
import java.util.List;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.plugins.annotations.ResolutionScope;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;

/**
 * Prints the recently applied and the pending migrations: version, description, kind (expand,
 * contract, backfill, index, constraint, plain), lint findings, and for each pending contract its
 * expand and the time from which the soak gate lets it run. Connects like Flyway; changes nothing.
 */
@Mojo(name = "status", requiresDependencyResolution = ResolutionScope.RUNTIME, threadSafe = true)
public class StatusMojo extends AbstractDatabaseMojo {

  /** How many of the most recently applied migrations to list (all pending ones are always listed). */
  @Parameter(property = "zdm.recent", defaultValue = "10")
  private int recent;

  @Override
  protected String goal() {
    return "status";
  }

  @Override
  protected void run() throws MojoExecutionException {
    if (recent < 0) {
      throw new MojoExecutionException("zdm.recent = " + recent + " is negative: expected 0 or more");
    }
    ConnectionSettings connection = connection();
    List<MigrationSource> sources = sqlMigrations(connection.locations());
    // zdm:migrate and the callback set lock_timeout themselves: do not count require-lock-timeout
    ProjectMigrations project = new ProjectMigrations(sources,
        new Linter(LintOptions.builder().callbackActive(true).build()).lint(sources), encoding());
    MigrationStatus status;
    try (URLClassLoader loader = projectClassLoader(connection.locations())) {
      Flyway flyway = flywayConfiguration(connection, loader).load();
      status = MigrationStatus.read(flyway, project, recent, loader);
    } catch (FlywayException e) {
      throw new MojoExecutionException("zdm:status could not read the migrations of " + connection + ": "
          + e.getMessage(), e);
    } catch (IOException e) {
      throw new MojoExecutionException("zdm:status: " + e.getMessage(), e);
    }
    getLog().info("zdm:status of " + connection);
    StatusTable.render(status.rows()).forEach(getLog()::info);
    if (status.rows().isEmpty()) {
      getLog().info("No migrations found at " + connection.locations() + " and none applied.");
    }
    for (ContractStatus contract : status.contracts()) {
      getLog().info("contract " + contract.describe());
    }
  }
}
