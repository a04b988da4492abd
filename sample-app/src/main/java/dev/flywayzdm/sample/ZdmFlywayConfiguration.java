package dev.flywayzdm.sample;

import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.flyway.autoconfigure.FlywayConfigurationCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

/**
 * How a Spring Boot 4 service wires flyway-zdm: the {@code flyway.zdm.*} settings from
 * {@code application.yml} handed to Flyway's configuration.
 */
@Configuration(proxyBeanMethods = false)
public class ZdmFlywayConfiguration {

  /**
   * Passes every {@code flyway.zdm.*} entry of the Spring environment to Flyway, where flyway-zdm's
   * configuration extension binds and validates it. Spring's relaxed names ({@code lock-timeout})
   * become the extension's property names ({@code lockTimeout}).
   */
  @Bean
  FlywayConfigurationCustomizer zdmSettings(Environment environment) {
    Map<String, String> zdm = Binder.get(environment)
        .bind("flyway.zdm", Bindable.mapOf(String.class, String.class)).orElse(Map.of());
    Map<String, String> flywayKeys = new LinkedHashMap<>();
    zdm.forEach((key, value) -> flywayKeys.put("flyway.zdm." + camelCase(key), value));
    return configuration -> {
      if (!flywayKeys.isEmpty()) {
        configuration.configuration(flywayKeys);
      }
    };
  }

  static String camelCase(String relaxedName) {
    StringBuilder name = new StringBuilder(relaxedName.length());
    boolean upper = false;
    for (char c : relaxedName.toCharArray()) {
      if (c == '-' || c == '_') {
        upper = true;
      } else {
        name.append(upper ? Character.toUpperCase(c) : c);
        upper = false;
      }
    }
    return name.toString();
  }
}
