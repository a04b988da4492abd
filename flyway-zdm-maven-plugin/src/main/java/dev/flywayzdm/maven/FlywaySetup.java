package dev.flywayzdm.maven;

import dev.flywayzdm.config.ZdmProperties;
import java.util.LinkedHashMap;
import java.util.Map;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.configuration.FluentConfiguration;

/** Builds the Flyway configuration the database goals run with. */
final class FlywaySetup {

  private FlywaySetup() {}

  /**
   * @param zdmSettings {@code flyway.zdm.<name>} settings by name; validated here, so a bad value fails
   *     before anything connects
   * @param lock Flyway's {@code postgresql.transactional.lock}, set on its PostgreSQL plugin
   * @throws IllegalArgumentException naming the setting and what is accepted
   */
  static FluentConfiguration configure(ConnectionSettings connection, ClassLoader classLoader,
      Map<String, String> zdmSettings, TransactionalLock lock) {
    FluentConfiguration configuration = Flyway.configure(classLoader)
        .loggers("slf4j")
        .dataSource(connection.url(), connection.user().orElse(null), connection.password().orElse(null))
        .locations(connection.locations().toArray(String[]::new));
    if (!connection.schemas().isEmpty()) {
      configuration.schemas(connection.schemas().toArray(String[]::new));
    }
    connection.table().ifPresent(configuration::table);
    Map<String, String> properties = new LinkedHashMap<>();
    properties.put("flyway." + TransactionalLock.FLYWAY_KEY, lock.value());
    zdmSettings.forEach((name, value) -> properties.put("flyway.zdm." + name, value));
    // The core binds these (and the lock, on Flyway's PostgreSQL plugin) without Jackson, which Flyway 13
    // would need for its own configuration(Map).
    return ZdmProperties.configure(configuration, properties);
  }
}
