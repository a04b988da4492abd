package dev.flywayzdm.maven;

import dev.flywayzdm.internal.settings.SettingKey;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;

/**
 * The {@code flyway.zdm.*} settings a database goal sets, for every key of the settings table (so a new
 * key needs no change here), first match wins:
 * <ol>
 *   <li>the goal's {@code <settings><lockTimeout>2s</lockTimeout></settings>};
 *   <li>a {@code zdm.<key>} property ({@code -Dzdm.lockTimeout}, then pom {@code <properties>});
 *   <li>the project's {@code flyway.zdm.<key>} ({@code -D}, pom {@code <properties>});
 *   <li>the environment variable ({@code FLYWAY_ZDM_LOCK_TIMEOUT});
 *   <li>the project's Flyway config files ({@code flyway.configFiles} or the flyway-maven-plugin's
 *       {@code <configFiles>}: {@code .conf} and the {@code [flyway.zdm]} table of {@code .toml}).
 * </ol>
 * Unset ones keep the core's defaults. An unknown name in {@code <settings>} or a config file is refused
 * by the core, listing the accepted keys.
 *
 * @param settings the goal's {@code <settings>}, by key; may be null
 * @param properties where {@code zdm.<key>} is looked up, first match wins (user, system, project)
 * @param environment the process environment ({@code System.getenv()})
 * @param configFiles the settings of the project's Flyway config files, by name ({@link ConfigFileSettings})
 */
record ZdmSettingParameters(Map<String, String> settings, List<Properties> properties,
    Map<String, String> environment, Map<String, String> configFiles) {

  ZdmSettingParameters(Map<String, String> settings, List<Properties> properties) {
    this(settings, properties, Map.of(), Map.of());
  }

  /** Setting name (as in {@code flyway.zdm.<name>}) to value, for the names that have one. */
  Map<String, String> resolve(FlywayProjectConfiguration project) {
    Map<String, String> values = new LinkedHashMap<>();
    if (settings != null) {
      settings.forEach((name, value) -> nonBlank(value).ifPresent(v -> values.put(name, v)));
    }
    for (SettingKey key : SettingKey.values()) {
      String name = key.key();
      if (!values.containsKey(name)) {
        zdmProperty(name)
            .or(() -> project.value("zdm." + name))
            .or(() -> nonBlank(environment.get(key.environmentVariable())))
            .or(() -> nonBlank(configFiles.get(name)))
            .ifPresent(v -> values.put(name, v));
      }
    }
    // names a config file has that no row of the table has: passed on, so the core refuses them by name
    configFiles.forEach((name, value) -> values.putIfAbsent(name, value));
    return values;
  }

  private Optional<String> zdmProperty(String name) {
    return properties.stream().map(p -> p == null ? null : p.getProperty("zdm." + name))
        .map(ZdmSettingParameters::nonBlank).flatMap(Optional::stream).findFirst();
  }

  private static Optional<String> nonBlank(String value) {
    return Optional.ofNullable(value).map(String::trim).filter(v -> !v.isEmpty());
  }
}
