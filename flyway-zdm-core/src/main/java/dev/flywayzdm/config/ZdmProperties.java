package dev.flywayzdm.config;

import dev.flywayzdm.internal.settings.SettingKey;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import org.flywaydb.core.api.configuration.FluentConfiguration;
import org.flywaydb.database.postgresql.PostgreSQLConfigurationExtension;

/**
 * Binds {@code flyway.zdm.*} keys from a property map, on every Flyway version and without
 * Jackson (and Flyway's {@code flyway.postgresql.transactional.lock} with them). Flyway's own {@code configuration(Map)} binds them too, but on Flyway 13.x only when
 * jackson-databind 3 is on the class path; this takes our keys out of the map, hands the rest to
 * Flyway, and validates ours at once.
 *
 * <p>Accepts {@code flyway.zdm.lockTimeout}, the un-prefixed {@code zdm.lockTimeout} (the form
 * some Maven plugin versions pass) and Spring's relaxed {@code flyway.zdm.lock-timeout}. A Spring Boot customizer:
 * <pre>{@code
 * @Bean FlywayConfigurationCustomizer zdm() {
 *   return configuration -> ZdmProperties.configure(configuration, Map.of("flyway.zdm.lockTimeout", "1s"));
 * }
 * }</pre>
 */
public final class ZdmProperties {

  private static final String TRANSACTIONAL_LOCK = "postgresql.transactional.lock";

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
      String name = SettingKey.relaxedName(key).orElse(null);
      if (isTransactionalLockKey(key)) {
        setTransactionalLock(configuration, key, value);
      } else if (name != null) {
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

  /**
   * Flyway's {@code postgresql.transactional.lock} is set through its plugin, not its property map:
   * on Flyway 13.x the map path needs Jackson too, and flyway-zdm users almost always set this key.
   */
  private static boolean isTransactionalLockKey(String key) {
    return key.equals("flyway." + TRANSACTIONAL_LOCK) || key.equals(TRANSACTIONAL_LOCK);
  }

  private static void setTransactionalLock(FluentConfiguration configuration, String key, String value) {
    String text = value == null ? "" : value.trim().toLowerCase(Locale.ROOT);
    if (!text.equals("true") && !text.equals("false")) {
      throw new IllegalArgumentException(key + " = '" + value + "' is not true or false");
    }
    PostgreSQLConfigurationExtension postgres =
        configuration.getPluginRegister().getPlugin(PostgreSQLConfigurationExtension.class);
    if (postgres == null) {
      throw new IllegalStateException(key + " needs flyway-database-postgresql beside flyway-core");
    }
    postgres.setTransactionalLock(Boolean.parseBoolean(text));
  }
}
