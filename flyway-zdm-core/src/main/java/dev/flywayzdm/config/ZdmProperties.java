package dev.flywayzdm.config;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;
import org.flywaydb.core.api.configuration.FluentConfiguration;

/**
 * Binds {@code flyway.zdm.*} keys from a property map, on every Flyway version and without
 * Jackson. Flyway's own {@code configuration(Map)} binds them too, but on Flyway 13.x only when
 * jackson-databind 3 is on the class path; this takes our keys out of the map, hands the rest to
 * Flyway, and validates ours at once.
 *
 * <p>Accepts {@code flyway.zdm.lockTimeout} and the un-prefixed {@code zdm.lockTimeout} (the form
 * some Maven plugin versions pass). A Spring Boot customizer:
 * <pre>{@code
 * @Bean FlywayConfigurationCustomizer zdm() {
 *   return configuration -> ZdmProperties.configure(configuration, Map.of("flyway.zdm.lockTimeout", "1s"));
 * }
 * }</pre>
 */
public final class ZdmProperties {

  private ZdmProperties() {}

  /**
   * Applies {@code properties} to {@code configuration}: the flyway-zdm keys to its
   * {@link ZdmConfigurationExtension}, every other key through Flyway's {@code configuration(Map)}.
   *
   * @throws IllegalArgumentException for an unknown flyway-zdm key (listing the accepted ones) or a bad
   *     value (naming the key, the value and what is accepted)
   */
  public static FluentConfiguration configure(FluentConfiguration configuration, Map<String, String> properties) {
    Map<String, String> ours = new LinkedHashMap<>();
    Map<String, String> rest = new LinkedHashMap<>();
    properties.forEach((key, value) -> {
      String name = zdmKey(key);
      if (name != null) {
        ours.put(name, value);
      } else {
        rest.put(key, value);
      }
    });
    if (!rest.isEmpty()) {
      configuration.configuration(rest);
    }
    if (!ours.isEmpty()) {
      ZdmConfigurationExtension extension = ZdmConfigurationExtension.in(configuration);
      ours.forEach(extension::set);
      extension.toSettings();
    }
    return configuration;
  }

  /** The same for {@link Properties} (a flyway.conf read with {@link Properties#load}). */
  public static FluentConfiguration configure(FluentConfiguration configuration, Properties properties) {
    Map<String, String> map = new LinkedHashMap<>();
    properties.stringPropertyNames().forEach(name -> map.put(name, properties.getProperty(name)));
    return configure(configuration, map);
  }

  /** {@code lockTimeout} for {@code flyway.zdm.lockTimeout} or {@code zdm.lockTimeout}; null for other keys. */
  static String zdmKey(String key) {
    if (key.startsWith(ZdmConfigurationExtension.PREFIX)) {
      return key.substring(ZdmConfigurationExtension.PREFIX.length());
    }
    if (key.startsWith("zdm.")) {
      return key.substring("zdm.".length());
    }
    return null;
  }
}
