package dev.flywayzdm.maven;

import dev.flywayzdm.internal.settings.SettingKey;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;

/**
 * The {@code flyway.zdm.*} settings of the project's Flyway config files ({@code flyway.configFiles},
 * or the flyway-maven-plugin's {@code <configFiles>}): {@code flyway.zdm.lockTimeout=2s} in a
 * {@code .conf} file, {@code lockTimeout = "2s"} under {@code [flyway.zdm]} in a {@code .toml} file.
 * A later file overrides an earlier one, as in Flyway. Only flyway-zdm's keys are read here: the rest
 * of a config file is Flyway's business.
 */
final class ConfigFileSettings {

  private static final String TOML_SECTION = "[flyway.zdm]";

  private ConfigFileSettings() {}

  /**
   * @param files as the project names them, relative to {@code basedir} unless absolute
   * @return setting name (after {@code flyway.zdm.}) to value, unknown names included (the core refuses them)
   * @throws IllegalArgumentException naming a file that is missing or cannot be read
   */
  static Map<String, String> read(Path basedir, List<String> files) {
    Map<String, String> values = new LinkedHashMap<>();
    for (String name : files) {
      Path file = basedir.resolve(name);
      if (!Files.isRegularFile(file)) {
        throw new IllegalArgumentException("Flyway config file " + file + " (flyway.configFiles) does not exist");
      }
      try {
        values.putAll(name.toLowerCase(Locale.ROOT).endsWith(".toml") ? toml(file) : conf(file));
      } catch (IOException e) {
        throw new IllegalArgumentException("Flyway config file " + file + " cannot be read: " + e.getMessage(), e);
      }
    }
    return values;
  }

  private static Map<String, String> conf(Path file) throws IOException {
    Properties properties = new Properties();
    try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      properties.load(reader);
    }
    Map<String, String> values = new LinkedHashMap<>();
    for (String key : properties.stringPropertyNames()) {
      if (key.startsWith(SettingKey.PREFIX)) {
        SettingKey.relaxedName(key).ifPresent(name -> values.put(name, properties.getProperty(key).trim()));
      }
    }
    return values;
  }

  /** The {@code key = value} lines of the {@code [flyway.zdm]} table: strings, numbers and booleans. */
  static Map<String, String> toml(Path file) throws IOException {
    Map<String, String> values = new LinkedHashMap<>();
    boolean inSection = false;
    for (String raw : Files.readAllLines(file, StandardCharsets.UTF_8)) {
      String line = raw.strip();
      if (line.startsWith("[")) {
        inSection = line.replace(" ", "").equals(TOML_SECTION);
      } else if (inSection && !line.isEmpty() && !line.startsWith("#") && line.contains("=")) {
        String key = line.substring(0, line.indexOf('=')).strip();
        SettingKey.relaxedName(SettingKey.PREFIX + unquote(key))
            .ifPresent(name -> values.put(name, tomlValue(line.substring(line.indexOf('=') + 1).strip())));
      }
    }
    return values;
  }

  private static String tomlValue(String text) {
    if (text.startsWith("\"") || text.startsWith("'")) {
      int end = text.indexOf(text.charAt(0), 1);
      return end < 0 ? text.substring(1) : text.substring(1, end);
    }
    int comment = text.indexOf('#');
    return (comment < 0 ? text : text.substring(0, comment)).strip();
  }

  private static String unquote(String key) {
    return key.length() >= 2 && (key.startsWith("\"") && key.endsWith("\"") || key.startsWith("'") && key.endsWith("'"))
        ? key.substring(1, key.length() - 1) : key;
  }
}
