package dev.flywayzdm.maven;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The {@code flyway.zdm.*} settings a database goal sets, each from its {@code zdm.xxx} parameter when
 * given, else from the project's {@code flyway.zdm.xxx} property ({@code -D} or pom
 * {@code <properties>}); unset ones keep the core's defaults.
 */
record ZdmSettingParameters(String lockTimeout, String statementTimeout, String lockRetries, String soak,
    String lint, String startAfter) {

  /** Setting name (as in {@code flyway.zdm.<name>}) to value, for the names that have one. */
  Map<String, String> resolve(FlywayProjectConfiguration project) {
    Map<String, String> values = new LinkedHashMap<>();
    put(values, "lockTimeout", lockTimeout, project);
    put(values, "statementTimeout", statementTimeout, project);
    put(values, "lockRetries", lockRetries, project);
    put(values, "soak", soak, project);
    put(values, "lint", lint, project);
    put(values, "startAfter", startAfter, project);
    return values;
  }

  private static void put(Map<String, String> values, String name, String explicit, FlywayProjectConfiguration project) {
    Optional.ofNullable(explicit).map(String::trim).filter(v -> !v.isEmpty())
        .or(() -> project.value("zdm." + name))
        .ifPresent(v -> values.put(name, v));
  }
}
