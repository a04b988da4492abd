package dev.flywayzdm.maven;

import dev.flywayzdm.config.ZdmSettings;
import dev.flywayzdm.callback.MigrationRefusedException;
import dev.flywayzdm.callback.ZeroDowntimeCallback;
import dev.flywayzdm.callback.ZeroDowntimeMigrate;
import dev.flywayzdm.internal.history.ContractStatus;
import dev.flywayzdm.internal.history.SoakGate;
import java.io.IOException;
import java.net.URLClassLoader;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.plugins.annotations.ResolutionScope;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.configuration.FluentConfiguration;

/**
 * Flyway migrate with the {@link ZeroDowntimeCallback} (lock_timeout per migration, soak gate,
 * destructive-statement gate) and the lock-timeout retry of {@link ZeroDowntimeMigrate}. Ends with
 * a summary: migrations applied, time, retries and contracts still blocked by their soak. A refused
 * contract or destructive statement fails the build with the reason. Flyway takes its session
 * advisory lock unless {@code transactionalLock} or the project says otherwise, so concurrent index
 * builds can run.
 */
@Mojo(name = "migrate", requiresDependencyResolution = ResolutionScope.RUNTIME, threadSafe = false)
public class MigrateMojo extends AbstractDatabaseMojo {

  /** Migrate up to and including this version only (Flyway's {@code target}), e.g. to apply an expand alone. */
  @Parameter(property = "zdm.target")
  private String target;

  @Override
  protected String goal() {
    return "migrate";
  }

  @Override
  protected void run() throws MojoExecutionException, MojoFailureException {
    ConnectionSettings connection = connection();
    getLog().info("zdm:migrate " + connection + " with the flyway-zdm callback " + zdmSettings());
    getLog().info(transactionalLock().describe());
    try (URLClassLoader loader = projectClassLoader(connection.locations())) {
      FluentConfiguration configuration = flywayConfiguration(connection, loader).callbacks(new ZeroDowntimeCallback());
      if (target != null && !target.isBlank()) {
        configuration.target(target.trim());
      }
      migrate(configuration.load(), connection);
    } catch (IOException e) {
      throw new MojoExecutionException("zdm:migrate: " + e.getMessage(), e);
    }
  }

  private void migrate(Flyway flyway, ConnectionSettings connection) throws MojoExecutionException, MojoFailureException {
    long start = System.nanoTime();
    int appliedBefore = appliedCount(flyway, connection);
    try {
      ZeroDowntimeMigrate.Result result = ZeroDowntimeMigrate.of(flyway).migrate();
      summary(flyway, result.migrationsExecuted(), result.retries(), result.elapsed()).lines().forEach(getLog()::info);
    } catch (FlywayException e) {
      Optional<MigrationRefusedException> refused = refusal(e);
      Duration elapsed = Duration.ofNanos(System.nanoTime() - start);
      MigrateSummary summary = summary(flyway, appliedCount(flyway, connection) - appliedBefore, 0, elapsed);
      summary.lines().forEach(getLog()::warn);
      if (refused.isPresent()) {
        throw new MojoFailureException(refused.get().getMessage(), e);
      }
      throw new MojoExecutionException("zdm:migrate failed on " + connection + ": " + e.getMessage(), e);
    }
  }

  private MigrateSummary summary(Flyway flyway, int applied, int retries, Duration elapsed) {
    MigrationInfo current = flyway.info().current();
    List<ContractStatus> blocked = SoakGate.status(flyway, ZdmSettings.of(flyway.getConfiguration()).soak()).stream().filter(c -> !c.mayRunNow()).toList();
    return new MigrateSummary(applied, retries, elapsed,
        current == null || current.getVersion() == null ? "" : current.getVersion().getVersion(), blocked);
  }

  private static int appliedCount(Flyway flyway, ConnectionSettings connection) throws MojoExecutionException {
    try {
      // not the synthetic "schema creation" row Flyway records when it creates the schema
      return (int) Arrays.stream(flyway.info().applied()).filter(i -> !i.getType().isSynthetic()).count();
    } catch (FlywayException e) {
      throw new MojoExecutionException("zdm:migrate could not read the schema history of " + connection + ": "
          + e.getMessage(), e);
    }
  }

  /** The callback's refusal, however Flyway wrapped it. */
  static Optional<MigrationRefusedException> refusal(Throwable failure) {
    for (Throwable t = failure; t != null; t = t.getCause()) {
      if (t instanceof MigrationRefusedException refused) {
        return Optional.of(refused);
      }
    }
    return Optional.empty();
  }
}
