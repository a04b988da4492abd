package dev.flywayzdm.maven;

import dev.flywayzdm.config.ZdmConfigurationExtension;
import java.util.Map;
import java.util.function.BiConsumer;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.configuration.FluentConfiguration;

/** Builds the Flyway configuration the database goals run with. */
final class FlywaySetup {

  private static final Map<String, BiConsumer<ZdmConfigurationExtension, String>> SETTERS = Map.of(
      "lockTimeout", ZdmConfigurationExtension::setLockTimeout,
      "statementTimeout", ZdmConfigurationExtension::setStatementTimeout,
      "lockRetries", ZdmConfigurationExtension::setLockRetries,
      "soak", ZdmConfigurationExtension::setSoak,
      "lint", ZdmConfigurationExtension::setLint);

  private FlywaySetup() {}

  /**
   * @param zdmSettings {@code flyway.zdm.<name>} settings by name; validated here, so a bad value fails
   *     before anything connects
   * @throws IllegalArgumentException naming the setting and what is accepted
   */
  static FluentConfiguration configure(ConnectionSettings connection, ClassLoader classLoader,
      Map<String, String> zdmSettings) {
    FluentConfiguration configuration = Flyway.configure(classLoader)
        .loggers("slf4j")
        .dataSource(connection.url(), connection.user().orElse(null), connection.password().orElse(null))
        .locations(connection.locations().toArray(String[]::new));
    if (!connection.schemas().isEmpty()) {
      configuration.schemas(connection.schemas().toArray(String[]::new));
    }
    connection.table().ifPresent(configuration::table);
    // Set on the extension instance Flyway holds: binding flyway.zdm.* from a property map needs
    // jackson-databind on Flyway 13, the bean setters work on every version.
    ZdmConfigurationExtension extension = configuration.getPluginRegister().getPlugin(ZdmConfigurationExtension.class);
    if (extension == null) {
      throw new IllegalStateException("Flyway did not load the flyway-zdm configuration extension:"
          + " flyway-zdm-core must sit beside flyway-core on the plugin's class path");
    }
    zdmSettings.forEach((name, value) -> {
      BiConsumer<ZdmConfigurationExtension, String> setter = SETTERS.get(name);
      if (setter == null) {
        throw new IllegalArgumentException("Unknown flyway-zdm setting zdm." + name + "; known: " + SETTERS.keySet());
      }
      setter.accept(extension, value);
    });
    extension.toSettings();
    return configuration;
  }
}
