package dev.flywayzdm.sample.boot35;

import dev.flywayzdm.callback.ZeroDowntimeCallback;
import dev.flywayzdm.callback.ZeroDowntimeMigrate;
import dev.flywayzdm.config.ZdmProperties;
import java.util.LinkedHashMap;
import java.util.Map;
import org.flywaydb.core.api.callback.Callback;
import org.springframework.boot.autoconfigure.flyway.FlywayConfigurationCustomizer;
import org.springframework.boot.autoconfigure.flyway.FlywayMigrationStrategy;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

/**
 * How a Spring Boot 3.5 service wires flyway-zdm: the same three beans as sample-app's Spring Boot 4
 * configuration, from the package Spring Boot 3.5 keeps them in
 * ({@code org.springframework.boot.autoconfigure.flyway}).
 *
 * <ul>
 *   <li>the callback as {@link ZeroDowntimeCallback#forSpring()}: Spring introspects bean classes,
 *       and the plain class names a Flyway 11.13+ type that 11.7.2 lacks;
 *   <li>a customizer that passes the {@code flyway.zdm.*} settings of {@code application.yml} to
 *       Flyway's configuration;
 *   <li>the migration strategy that retries a migration which rolled back on lock_timeout.
 * </ul>
 */
@Configuration(proxyBeanMethods = false)
public class ZdmFlywayConfiguration {

  @Bean
  Callback zeroDowntimeCallback() {
    return ZeroDowntimeCallback.forSpring();
  }

  /** Passes every {@code flyway.zdm.*} entry of the Spring environment to flyway-zdm, which validates them at once. */
  @Bean
  FlywayConfigurationCustomizer zdmSettings(Environment environment) {
    Map<String, String> zdm = Binder.get(environment)
        .bind("flyway.zdm", Bindable.mapOf(String.class, String.class)).orElse(Map.of());
    Map<String, String> flywayKeys = new LinkedHashMap<>();
    zdm.forEach((key, value) -> flywayKeys.put("flyway.zdm." + key, value));
    return configuration -> ZdmProperties.configure(configuration, flywayKeys);
  }

  /** Runs migrate through flyway-zdm: a migration that rolled back on lock_timeout runs again after a backoff. */
  @Bean
  FlywayMigrationStrategy zeroDowntimeMigrate() {
    return flyway -> ZeroDowntimeMigrate.of(flyway).migrate();
  }
}
