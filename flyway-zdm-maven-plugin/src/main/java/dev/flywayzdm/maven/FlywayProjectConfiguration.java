package dev.flywayzdm.maven;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.TreeMap;
import org.apache.maven.model.Plugin;
import org.apache.maven.project.MavenProject;
import org.codehaus.plexus.util.xml.Xpp3Dom;

/**
 * The Flyway settings a project already has, so the zdm goals need no second copy: {@code -Dflyway.x}
 * user properties, then {@code flyway.x} project properties, then the {@code <configuration>} of an
 * {@code org.flywaydb:flyway-maven-plugin} in the build (the order Flyway's own plugin honours).
 */
final class FlywayProjectConfiguration {

  static final String FLYWAY_GROUP_ID = "org.flywaydb";
  static final String FLYWAY_PLUGIN_ID = "flyway-maven-plugin";

  private final Properties userProperties;
  private final Properties projectProperties;
  private final Xpp3Dom pluginConfiguration;

  FlywayProjectConfiguration(Properties userProperties, Properties projectProperties, Xpp3Dom pluginConfiguration) {
    this.userProperties = userProperties == null ? new Properties() : userProperties;
    this.projectProperties = projectProperties == null ? new Properties() : projectProperties;
    this.pluginConfiguration = pluginConfiguration;
  }

  /** Reads the project's model (already interpolated by Maven) and the session's user properties. */
  static FlywayProjectConfiguration of(MavenProject project, Properties userProperties) {
    Xpp3Dom configuration = null;
    for (Plugin plugin : project.getBuildPlugins()) {
      if (FLYWAY_GROUP_ID.equals(plugin.getGroupId()) && FLYWAY_PLUGIN_ID.equals(plugin.getArtifactId())
          && plugin.getConfiguration() instanceof Xpp3Dom dom) {
        configuration = dom;
      }
    }
    return new FlywayProjectConfiguration(userProperties, project.getProperties(), configuration);
  }

  /** A single value, e.g. {@code url}: {@code -Dflyway.url}, project property, plugin {@code <url>}. */
  Optional<String> value(String key) {
    return property(key).or(() -> Optional.ofNullable(pluginConfiguration)
        .map(dom -> dom.getChild(key))
        .map(Xpp3Dom::getValue)
        .map(String::trim)
        .filter(v -> !v.isEmpty()));
  }

  /**
   * A value that may be set to the empty text, e.g. {@code sqlMigrationPrefix} for files named
   * {@code 20230306111639__x.sql}: empty when not configured anywhere, {@code ""} when configured empty.
   */
  Optional<String> valueOrEmpty(String key) {
    String name = "flyway." + key;
    String property = userProperties.getProperty(name, projectProperties.getProperty(name));
    if (property != null) {
      return Optional.of(property.trim());
    }
    return Optional.ofNullable(pluginConfiguration).map(dom -> dom.getChild(key))
        .map(dom -> dom.getValue() == null ? "" : dom.getValue().trim());
  }

  /**
   * A map value such as {@code placeholders}: {@code flyway.placeholders.<name>} properties over the
   * plugin's {@code <placeholders><name>value</name></placeholders>}.
   */
  Map<String, String> map(String key) {
    Map<String, String> values = new TreeMap<>();
    if (pluginConfiguration != null && pluginConfiguration.getChild(key) != null) {
      for (Xpp3Dom child : pluginConfiguration.getChild(key).getChildren()) {
        values.put(child.getName(), child.getValue() == null ? "" : child.getValue());
      }
    }
    String prefix = "flyway." + key + ".";
    for (Properties properties : List.of(projectProperties, userProperties)) {
      for (String name : properties.stringPropertyNames()) {
        if (name.startsWith(prefix) && name.length() > prefix.length()) {
          values.put(name.substring(prefix.length()), properties.getProperty(name));
        }
      }
    }
    return values;
  }

  /**
   * A key of the flyway-maven-plugin's {@code <pluginConfiguration>}, e.g.
   * {@code <pluginConfiguration><postgresql.transactional.lock>}: read only as the user's intent, since
   * Flyway 11's plugin renames these keys and never applies some of them.
   */
  Optional<String> pluginConfigurationValue(String key) {
    return Optional.ofNullable(pluginConfiguration)
        .map(dom -> dom.getChild("pluginConfiguration"))
        .map(dom -> dom.getChild(key))
        .map(Xpp3Dom::getValue)
        .map(String::trim)
        .filter(v -> !v.isEmpty());
  }

  /**
   * A list value, e.g. {@code schemas}: comma separated in properties, child elements
   * ({@code <schemas><schema>a</schema></schemas>}) or comma separated text in the plugin configuration.
   */
  List<String> list(String key) {
    Optional<String> property = property(key);
    if (property.isPresent()) {
      return split(property.get());
    }
    if (pluginConfiguration == null || pluginConfiguration.getChild(key) == null) {
      return List.of();
    }
    Xpp3Dom element = pluginConfiguration.getChild(key);
    if (element.getChildCount() == 0) {
      return element.getValue() == null ? List.of() : split(element.getValue());
    }
    List<String> values = new ArrayList<>();
    for (Xpp3Dom child : element.getChildren()) {
      if (child.getValue() != null && !child.getValue().isBlank()) {
        values.add(child.getValue().trim());
      }
    }
    return values;
  }

  private Optional<String> property(String key) {
    String name = "flyway." + key;
    String value = userProperties.getProperty(name, projectProperties.getProperty(name));
    return Optional.ofNullable(value).map(String::trim).filter(v -> !v.isEmpty());
  }

  static List<String> split(String commaSeparated) {
    return Arrays.stream(commaSeparated.split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList();
  }
}
