package dev.flywayzdm.maven;

import dev.flywayzdm.lint.MigrationSource;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.apache.maven.execution.MavenSession;
import org.apache.maven.model.Resource;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.project.MavenProject;

/**
 * What every zdm goal shares: the project, {@code skip} and where the migrations are. Subclasses do
 * one thing each in {@link #run()}; the work itself lives in flyway-zdm-core.
 */
public abstract class AbstractZdmMojo extends AbstractMojo {

  @Parameter(defaultValue = "${project}", readonly = true, required = true)
  protected MavenProject project;

  @Parameter(defaultValue = "${session}", readonly = true, required = true)
  protected MavenSession session;

  /** Skips the goal, e.g. {@code -Dzdm.skip} on a build that must not touch the database. */
  @Parameter(property = "zdm.skip", defaultValue = "false")
  private boolean skip;

  /**
   * Flyway locations of the migrations ({@code classpath:db/migration}, {@code filesystem:sql}); by
   * default the project's Flyway {@code locations}, else {@code classpath:db/migration}.
   */
  @Parameter(property = "zdm.locations")
  private List<String> locations;

  /** Encoding of the SQL migration files. */
  @Parameter(property = "zdm.encoding", defaultValue = "${project.build.sourceEncoding}")
  private String encoding;

  @Override
  public final void execute() throws MojoExecutionException, MojoFailureException {
    if (skip) {
      getLog().info("zdm:" + goal() + " skipped (zdm.skip=true)");
      return;
    }
    run();
  }

  /** The goal's name, for messages. */
  protected abstract String goal();

  /** Does the goal's work; not called when skipped. */
  protected abstract void run() throws MojoExecutionException, MojoFailureException;

  /** The project's own Flyway settings, the fallback for every connection and location setting. */
  protected final FlywayProjectConfiguration projectFlywayConfiguration() {
    return FlywayProjectConfiguration.of(project, session == null ? null : session.getUserProperties());
  }

  /** The Flyway locations this goal reads. */
  protected final List<String> locations() {
    return MigrationLocations.resolve(locations, projectFlywayConfiguration());
  }

  /** How {@code classpath:} and {@code filesystem:} locations map onto this project's source tree. */
  private MigrationLocations sourceTree() {
    List<Path> resources = project.getResources().stream().map(Resource::getDirectory).map(Path::of).toList();
    return new MigrationLocations(project.getBasedir().toPath(), resources);
  }

  /** The SQL migrations the locations denote in this project's source tree, in Flyway order. */
  protected final List<MigrationSource> sqlMigrations(List<String> locations) throws MojoExecutionException {
    List<Path> directories = migrationDirectories(locations);
    try {
      return SqlMigrationFiles.read(project.getBasedir().toPath(), directories, encoding());
    } catch (IOException e) {
      throw new MojoExecutionException("Could not read the migrations in " + directories + ": " + e.getMessage(), e);
    }
  }

  /** The existing source directories the locations denote. */
  final List<Path> migrationDirectories(List<String> locations) throws MojoExecutionException {
    try {
      return sourceTree().directories(locations);
    } catch (IllegalArgumentException e) {
      throw new MojoExecutionException(e.getMessage(), e);
    }
  }

  /** The migration files of the directories, named and read with the project's Flyway naming, in Flyway order. */
  final List<ProjectMigration> projectMigrations(List<Path> directories, FlywayNaming naming)
      throws MojoExecutionException {
    try {
      return SqlMigrationFiles.read(project.getBasedir().toPath(), directories, encoding(), naming);
    } catch (IOException e) {
      throw new MojoExecutionException("Could not read the migrations in " + directories + ": " + e.getMessage(), e);
    }
  }

  protected final Charset encoding() throws MojoExecutionException {
    try {
      return encoding == null || encoding.isBlank() ? StandardCharsets.UTF_8 : Charset.forName(encoding.trim());
    } catch (IllegalArgumentException e) {
      throw new MojoExecutionException("zdm.encoding = '" + encoding + "' is not a charset Java knows (e.g. UTF-8)", e);
    }
  }
}
