package dev.flywayzdm.maven;

import java.net.URLClassLoader;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.maven.artifact.DependencyResolutionRequiredException;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugins.annotations.Parameter;
import org.flywaydb.core.api.configuration.FluentConfiguration;

/**
 * The goals that talk to a database: connection parameters like Flyway's, each falling back to the
 * project's Flyway configuration, and the {@code flyway.zdm.*} settings the callback uses.
 */
public abstract class AbstractDatabaseMojo extends AbstractZdmMojo {

  /** JDBC URL, e.g. {@code jdbc:postgresql://localhost:5432/app}; default: the project's {@code flyway.url}. */
  @Parameter(property = "zdm.url")
  private String url;

  /** Database user; default: the project's {@code flyway.user}. */
  @Parameter(property = "zdm.user")
  private String user;

  /** Database password; default: the project's {@code flyway.password}. Never printed. */
  @Parameter(property = "zdm.password")
  private String password;

  /** Flyway schemas; the first holds the history table. Default: the project's {@code flyway.schemas}. */
  @Parameter(property = "zdm.schemas")
  private List<String> schemas;

  /** Flyway's schema history table; default: the project's {@code flyway.table}, else Flyway's. */
  @Parameter(property = "zdm.table")
  private String table;

  /**
   * {@code flyway.zdm.*} settings for this goal by key, e.g.
   * {@code <settings><lockTimeout>1500ms</lockTimeout><soak>2h</soak></settings>}; each key also as
   * {@code -Dzdm.<key>}. Default: the project's {@code flyway.zdm.<key>} ({@code -D}, pom property),
   * then {@code FLYWAY_ZDM_<KEY>}, then the project's Flyway config files ({@code flyway.configFiles}),
   * else the core's default (the README's settings table lists the keys).
   */
  @Parameter
  private Map<String, String> settings;

  /**
   * Flyway's {@code postgresql.transactional.lock}. Default: the project's
   * {@code flyway.postgresql.transactional.lock} ({@code -D}, pom property or the flyway-maven-plugin's
   * {@code <pluginConfiguration>}), else {@code false}, unlike Flyway's own default: flyway-zdm's goals
   * need Flyway's session advisory lock, because the transactional one keeps a transaction open for the
   * whole run and every {@code CREATE INDEX CONCURRENTLY} or constraint validation would wait for it
   * forever (the callback refuses such a run). {@code true} is accepted for projects without them.
   */
  @Parameter(property = TransactionalLock.PARAMETER)
  private String transactionalLock;

  /** Where to connect, resolved once; broken settings end the build with what to change. */
  protected final ConnectionSettings connection() throws MojoExecutionException {
    try {
      return ConnectionSettings.resolve(new ConnectionParameters(url, user, password, schemas, table), locations(),
          projectFlywayConfiguration());
    } catch (IllegalArgumentException e) {
      throw new MojoExecutionException(e.getMessage(), e);
    }
  }

  /** Whether a database URL is configured for this goal or the project (zdm:lint then reads the history). */
  protected final boolean urlConfigured() {
    return url != null && !url.isBlank() || projectFlywayConfiguration().value("url").isPresent();
  }

  /** The {@code flyway.zdm.*} settings given to this goal or configured for the project. */
  protected final Map<String, String> zdmSettings() throws MojoExecutionException {
    List<Properties> properties = session == null ? List.of(project.getProperties())
        : List.of(session.getUserProperties(), session.getSystemProperties(), project.getProperties());
    FlywayProjectConfiguration flyway = projectFlywayConfiguration();
    try {
      Map<String, String> configFiles = ConfigFileSettings.read(project.getBasedir().toPath(), flyway.list("configFiles"));
      return new ZdmSettingParameters(settings, properties, System.getenv(), configFiles).resolve(flyway);
    } catch (IllegalArgumentException e) {
      throw new MojoExecutionException(e.getMessage(), e);
    }
  }

  /** Flyway's lock mode for this goal, resolved from the parameter and the project's configuration. */
  protected final TransactionalLock transactionalLock() throws MojoExecutionException {
    try {
      return TransactionalLock.resolve(transactionalLock, projectFlywayConfiguration());
    } catch (IllegalArgumentException e) {
      throw new MojoExecutionException(e.getMessage(), e);
    }
  }

  /**
   * A Flyway configuration for this project: its classes and dependencies on the class path, the
   * connection, the {@code flyway.zdm.*} settings and the {@link #transactionalLock() lock mode} applied.
   */
  protected final FluentConfiguration flywayConfiguration(ConnectionSettings connection, ClassLoader classLoader)
      throws MojoExecutionException {
    try {
      return FlywaySetup.configure(connection, classLoader, zdmSettings(), transactionalLock());
    } catch (IllegalArgumentException e) {
      throw new MojoExecutionException(e.getMessage(), e);
    }
  }

  /**
   * The project's runtime class path over the plugin's own classes; close it when done. Warns when a
   * {@code classpath:} location has migrations in the source tree but not on the class path: Flyway
   * would silently find nothing there because the resources were not processed yet.
   */
  protected final URLClassLoader projectClassLoader(List<String> locations) throws MojoExecutionException {
    URLClassLoader loader;
    try {
      loader = ProjectClassLoader.of(project, getClass().getClassLoader());
    } catch (DependencyResolutionRequiredException e) {
      throw new MojoExecutionException("The project's runtime class path is not resolved: " + e.getMessage(), e);
    }
    for (String location : ProjectClassLoader.unbuiltLocations(loader, locations, sqlMigrations(locations))) {
      getLog().warn(location + " has migrations in the source tree but is not on the project's class path, so Flyway"
          + " will not see them: build first, e.g. mvn process-classes zdm:" + goal());
    }
    return loader;
  }
}
