package dev.flywayzdm.callback;

import dev.flywayzdm.config.ZdmConfigurationExtension;
import dev.flywayzdm.config.ZdmSettings;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.configuration.FluentConfiguration;
import org.flywaydb.database.postgresql.PostgreSQLConfigurationExtension;

/** Flyway set up the way the callback tests need it: one schema and one migration folder per test. */
final class TestFlyway {

  private TestFlyway() {}

  static FluentConfiguration configure(DataSource dataSource, String schema, String folder, ZdmSettings settings) {
    FluentConfiguration configuration = Flyway.configure()
        .dataSource(dataSource)
        .schemas(schema)
        .locations("classpath:dev/flywayzdm/callback/" + folder)
        .callbacks(new ZeroDowntimeCallback());
    ZdmConfigurationExtension.in(configuration).apply(settings);
    return configuration;
  }

  /** postgresql.transactional.lock=false through the Java API (a property map needs Jackson on Flyway 13). */
  static FluentConfiguration withSessionLock(FluentConfiguration configuration) {
    configuration.getPluginRegister().getPlugin(PostgreSQLConfigurationExtension.class).setTransactionalLock(false);
    return configuration;
  }
}
