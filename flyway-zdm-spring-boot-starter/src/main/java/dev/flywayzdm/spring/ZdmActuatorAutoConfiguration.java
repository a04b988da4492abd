package dev.flywayzdm.spring;

import org.flywaydb.core.Flyway;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * With Actuator on the class path and a Flyway bean: {@code /actuator/zdm} ({@link ZdmEndpoint}) and the
 * {@code zdm} health contributor, on the health API of Spring Boot 4 or 3.5, whichever is present.
 */
@AutoConfiguration(after = ZdmAutoConfiguration.class,
    afterName = {ZdmAutoConfiguration.BOOT4_FLYWAY, ZdmAutoConfiguration.BOOT35_FLYWAY})
@ConditionalOnClass(name = "org.springframework.boot.actuate.endpoint.annotation.Endpoint")
@ConditionalOnBean({Flyway.class, ZdmEnvironmentSettings.class})
class ZdmActuatorAutoConfiguration {

  @Bean
  ZdmStatusReader zdmStatusReader(Flyway flyway, ZdmEnvironmentSettings settings) {
    return new ZdmStatusReader(flyway, settings.soakingContracts());
  }

  @Bean
  @ConditionalOnMissingBean
  ZdmEndpoint zdmEndpoint(ZdmStatusReader reader) {
    return new ZdmEndpoint(reader);
  }

  @Configuration(proxyBeanMethods = false)
  @ConditionalOnClass(name = "org.springframework.boot.health.contributor.HealthIndicator")
  static class Boot4Health {

    @Bean
    @ConditionalOnMissingBean(name = "zdmHealthIndicator")
    Boot4HealthIndicator zdmHealthIndicator(ZdmStatusReader reader) {
      return new Boot4HealthIndicator(reader);
    }
  }

  @Configuration(proxyBeanMethods = false)
  @ConditionalOnClass(name = "org.springframework.boot.actuate.health.HealthIndicator")
  static class Boot35Health {

    @Bean
    @ConditionalOnMissingBean(name = "zdmHealthIndicator")
    Boot35HealthIndicator zdmHealthIndicator(ZdmStatusReader reader) {
      return new Boot35HealthIndicator(reader);
    }
  }
}
