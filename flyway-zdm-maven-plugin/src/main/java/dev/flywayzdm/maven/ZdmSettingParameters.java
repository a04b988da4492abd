package dev.flywayzdm.maven;

import dev.flywayzdm.internal.settings.SettingKey;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;

/**
 * The {@code flyway.zdm.*} settings a database goal sets, for every key of the settings table: from the
 * goal's {@code <settings><lockTimeout>2s</lockTimeout></settings>} when given, else from a
 * {@code zdm.<key>} property ({@code -Dzdm.lockTimeout}, then pom {@code <properties>}), else from the
 * project's {@code flyway.zdm.<key>} ({@code -D}, pom {@code <properties>} or flyway-maven-plugin's
 * configuration); unset ones keep the core's defaults. An unknown name in {@code <settings>} is refused
 * by the core, listing the accepted keys.
 *
 * @param settings the goal's {@code <settings>}, by key; may be null
 * @param properties where {@code zdm.<key>} is looked up, first match wins (user, system, project)
 */
record ZdmSettingParameters(Map<String, String> settings, List<Properties> properties) {

  /** Setting name (as in {@code flyway.zdm.<name>}) to value, for the names that have one. */
  Map<String, String> resolve(FlywayProjectConfiguration project) {
    Map<String, String> values = new LinkedHashMap<>();
    if (settings != null) {
      settings.forEach((name, value) -> nonBlank(value).ifPresent(v -> values.put(name, v)));
    }
    for (String name : SettingKey.keys()) {
      if (!values.containsKey(name)) {
        zdmProperty(name).or(() -> project.value("zdm." + name)).ifPresent(v -> values.put(name, v));
      }
    }
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
