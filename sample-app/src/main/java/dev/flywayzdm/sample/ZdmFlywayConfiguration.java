package dev.flywayzdm.sample;

import dev.flywayzdm.callback.ZeroDowntimeCallback;
import dev.flywayzdm.callback.ZeroDowntimeMigrate;
import dev.flywayzdm.config.ZdmProperties;
import java.util.LinkedHashMap;
import java.util.Map;
import org.flywaydb.core.api.callback.Callback;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.flyway.autoconfigure.FlywayConfigurationCustomizer;
import org.springframework.boot.flyway.autoconfigure.FlywayMigrationStrategy;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

/**
 * How a Spring Boot 4 service wires flyway-zdm: three beans.
 *
 * <ul>
 *   <li>the callback, which Spring Boot hands to Flyway like every {@link Callback} bean, in the form
 *       Spring can introspect on every Flyway ({@link ZeroDowntimeCallback#forSpring()});
 *   <li>a customizer that passes the {@code flyway.zdm.*} settings of {@code application.yml} to
 *       Flyway's configuration;
 *   <li>the migration strategy that retries a migration which rolled back on lock_timeout.
 * </ul>
 *
 * Plus {@code spring.flyway.postgresql.transactional-lock: false} in {@code application.yml}.
 */
@Configuration(proxyBeanMethods = false)
public class ZdmFlywayConfiguration {

  private static final Logger LOG = LoggerFactory.getLogger(ZdmFlywayConfiguration.class);

  @Bean
  Callback zeroDowntimeCallback() {
    return ZeroDowntimeCallback.forSpring();
  }

  /**
   * Passes every {@code flyway.zdm.*} entry of the Spring environment to flyway-zdm, which validates
   * them at once and takes Spring's relaxed names ({@code lock-timeout}) as they are.
   */
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
    return flyway -> {
      ZeroDowntimeMigrate.Result result = ZeroDowntimeMigrate.of(flyway).migrate();
      if (result.retries() > 0) {
        LOG.info("flyway-zdm: {} migrations applied after {} lock retries in {}", result.migrationsExecuted(),
            result.retries(), result.elapsed());
      }
    };
  }
}
