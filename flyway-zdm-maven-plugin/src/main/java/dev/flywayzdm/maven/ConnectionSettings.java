package dev.flywayzdm.maven;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Where Flyway connects and what it reads, resolved once from the goal's parameters and the project's
 * own Flyway configuration.
 *
 * @param url the JDBC URL
 * @param user the database user, empty to let the driver decide
 * @param password the password, empty for none; never part of {@link #toString()}
 * @param schemas Flyway's {@code schemas}; the first holds the schema history table
 * @param table the schema history table, empty for Flyway's default
 * @param locations Flyway {@code locations}
 */
record ConnectionSettings(
    String url, Optional<String> user, Optional<String> password, List<String> schemas, Optional<String> table,
    List<String> locations) {

  ConnectionSettings {
    Objects.requireNonNull(url, "url");
    schemas = List.copyOf(schemas);
    locations = List.copyOf(locations);
  }

  /**
   * Each value from the goal's own parameter when set, else from the project's Flyway configuration.
   *
   * @throws IllegalArgumentException when no URL is configured anywhere, saying where to put one
   */
  static ConnectionSettings resolve(ConnectionParameters explicit, List<String> locations,
      FlywayProjectConfiguration project) {
    String url = nonBlank(explicit.url()).or(() -> project.value("url")).orElseThrow(() ->
        new IllegalArgumentException("No database URL: set <url> in the flyway-zdm-maven-plugin's <configuration>,"
            + " pass -Dzdm.url=jdbc:postgresql://host:5432/db, or configure flyway.url (project property) or the"
            + " <url> of the flyway-maven-plugin in this project"));
    if (!url.startsWith("jdbc:")) {
      throw new IllegalArgumentException("zdm.url = '" + JdbcUrlText.masked(url)
          + "' is not a JDBC URL: expected jdbc:postgresql://host:5432/database");
    }
    List<String> schemas = explicit.schemas() == null || explicit.schemas().isEmpty()
        ? project.list("schemas") : explicit.schemas();
    return new ConnectionSettings(url,
        nonBlank(explicit.user()).or(() -> project.value("user")),
        nonBlank(explicit.password()).or(() -> project.value("password")),
        schemas,
        nonBlank(explicit.table()).or(() -> project.value("table")),
        locations);
  }

  private static Optional<String> nonBlank(String value) {
    return Optional.ofNullable(value).map(String::trim).filter(v -> !v.isEmpty());
  }

  /** The URL with any password in it masked. */
  String maskedUrl() {
    return JdbcUrlText.masked(url);
  }

  /** For log lines: everything but the password. */
  @Override
  public String toString() {
    return maskedUrl() + user.map(u -> " as " + u).orElse("")
        + (schemas.isEmpty() ? "" : " schemas " + String.join(",", schemas))
        + table.map(t -> " table " + t).orElse("");
  }
}
