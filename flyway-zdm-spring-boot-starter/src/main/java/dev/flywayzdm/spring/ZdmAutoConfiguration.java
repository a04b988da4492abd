package dev.flywayzdm.spring;

import dev.flywayzdm.callback.ZeroDowntimeCallback;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.callback.Callback;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

/**
 * flyway-zdm for Spring Boot's own Flyway auto-configuration, on Spring Boot 3.5 and 4.0:
 *
 * <ul>
 *   <li>the callback, as a {@link Callback} bean (Spring Boot hands every one to Flyway), in the form
 *       Spring can introspect on every Flyway ({@link ZeroDowntimeCallback#forSpring()});
 *   <li>a Flyway customizer with the {@code flyway.zdm.*} settings of the environment (relaxed names),
 *       and Flyway's session lock unless {@code spring.flyway.postgresql.transactional-lock} is set;
 *   <li>the migration strategy ({@link StartupMigration}): lock-timeout retries, and contracts still in
 *       their soak deferred instead of failing the start-up ({@code flyway.zdm.boot.soaking-contracts}).
 *       An application's own {@code FlywayMigrationStrategy} bean replaces it.
 * </ul>
 *
 * Off with {@code flyway.zdm.boot.enabled=false}.
 */
@AutoConfiguration(beforeName = {ZdmAutoConfiguration.BOOT4_FLYWAY, ZdmAutoConfiguration.BOOT35_FLYWAY})
@ConditionalOnClass(Flyway.class)
@ConditionalOnProperty(prefix = "flyway.zdm.boot", name = "enabled", matchIfMissing = true)
public class ZdmAutoConfiguration {

  static final String BOOT4_FLYWAY = "org.springframework.boot.flyway.autoconfigure.FlywayAutoConfiguration";
  static final String BOOT35_FLYWAY = "org.springframework.boot.autoconfigure.flyway.FlywayAutoConfiguration";

  /** Named like the bean of the hand-written configuration the starter replaces, so that one wins if still declared. */
  @Bean
  @ConditionalOnMissingBean(name = "zeroDowntimeCallback")
  Callback zeroDowntimeCallback() {
    return ZeroDowntimeCallback.forSpring();
  }

  /** Bound (and checked) at start-up: an unknown {@code flyway.zdm.*} key fails before Flyway runs. */
  @Bean
  ZdmEnvironmentSettings zdmEnvironmentSettings(Environment environment) {
    return ZdmEnvironmentSettings.bind(environment);
  }

  @Bean
  DeferredMigrationCheck zdmDeferredMigrationCheck(ZdmEnvironmentSettings settings) {
    return settings.deferredMigrationCheck();
  }

  @Bean
  StartupMigration zdmStartupMigration(ZdmEnvironmentSettings settings, DeferredMigrationCheck check) {
    return new StartupMigration(settings.soakingContracts(), check);
  }

  /** Spring Boot 4: the Flyway auto-configuration lives in {@code org.springframework.boot.flyway.autoconfigure}. */
  @Configuration(proxyBeanMethods = false)
  @ConditionalOnClass(name = "org.springframework.boot.flyway.autoconfigure.FlywayMigrationStrategy")
  static class Boot4 {

    @Bean
    org.springframework.boot.flyway.autoconfigure.FlywayConfigurationCustomizer zdmFlywaySettings(
        ZdmEnvironmentSettings settings) {
      return settings::applyTo;
    }

    @Bean
    @ConditionalOnMissingBean
    org.springframework.boot.flyway.autoconfigure.FlywayMigrationStrategy zeroDowntimeMigrate(StartupMigration migration) {
      return migration::migrate;
    }
  }

  /** Spring Boot 3.5: the same in {@code org.springframework.boot.autoconfigure.flyway}. */
  @Configuration(proxyBeanMethods = false)
  @ConditionalOnClass(name = "org.springframework.boot.autoconfigure.flyway.FlywayMigrationStrategy")
  static class Boot35 {

    @Bean
    org.springframework.boot.autoconfigure.flyway.FlywayConfigurationCustomizer zdmFlywaySettings(
        ZdmEnvironmentSettings settings) {
      return settings::applyTo;
    }

    @Bean
    @ConditionalOnMissingBean
    org.springframework.boot.autoconfigure.flyway.FlywayMigrationStrategy zeroDowntimeMigrate(StartupMigration migration) {
      return migration::migrate;
    }
  }
}
