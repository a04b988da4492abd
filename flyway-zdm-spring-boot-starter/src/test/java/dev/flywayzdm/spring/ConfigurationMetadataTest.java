package dev.flywayzdm.spring;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flywayzdm.internal.settings.DurationText;
import dev.flywayzdm.internal.settings.SettingKey;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The IDE metadata ({@code META-INF/spring-configuration-metadata.json}) is the core's settings table
 * written out: one property per {@link SettingKey} row with its doc, accepted values and default, plus
 * the starter's own {@code flyway.zdm.boot.*} keys. A row added to the table without the file fails
 * here; {@code -Dzdm.writeMetadata=true} rewrites the file from the table.
 */
class ConfigurationMetadataTest {

  private static final Path FILE = Path.of("src/main/resources/META-INF/spring-configuration-metadata.json");

  @Test
  void metadataFileIsTheCoresSettingsTableWrittenOut() throws IOException {
    String expected = metadata();
    if (Boolean.getBoolean("zdm.writeMetadata")) {
      Files.writeString(FILE, expected, StandardCharsets.UTF_8);
    }
    assertThat(Files.readString(FILE, StandardCharsets.UTF_8))
        .as("%s must match SettingKey; rewrite it with -Dzdm.writeMetadata=true", FILE).isEqualTo(expected);
  }

  @Test
  void everySettingOfTheTableIsDescribedUnderItsRelaxedName() throws IOException {
    String file = Files.readString(FILE, StandardCharsets.UTF_8);
    for (SettingKey key : SettingKey.values()) {
      assertThat(file).contains("\"name\": \"flyway.zdm." + ZdmEnvironmentSettings.kebabCase(key.key()) + "\"");
    }
    assertThat(ZdmEnvironmentSettings.kebabCase("lockRetryMaxTotal")).isEqualTo("lock-retry-max-total");
  }

  /** The file's text, generated from the settings table. */
  static String metadata() {
    List<String> properties = new ArrayList<>();
    for (SettingKey key : SettingKey.values()) {
      properties.add(property("flyway.zdm." + ZdmEnvironmentSettings.kebabCase(key.key()), javaType(key),
          capitalized(key.doc()) + ". Accepted: " + key.type().accepted() + " (" + key.qualified() + ").",
          key.defaultText().isEmpty() ? null : jsonDefault(key)));
    }
    properties.add(property(SoakingContracts.KEY, "java.lang.String",
        "What start-up does when a pending contract is still inside its soak: `defer` migrates up to it and starts"
            + " (WARN naming the deferred migrations; they are applied by the next start once the soak is over, or by"
            + " zdm:migrate), `fail` refuses the start-up. Only a migrate to `latest` is deferred.",
        "\"defer\""));
    properties.add(property(DeferredMigrationCheck.KEY, "java.lang.String",
        "Opt-in: after a start-up that deferred a soaking contract, check its gate this often and, once it is open,"
            + " apply the deferred migrations in the running application (holding Flyway's lock). Unset or 0: off;"
            + " the next start or zdm:migrate applies them. Accepted: " + DurationText.ACCEPTED + ".", null));
    properties.add(property("flyway.zdm.boot.enabled", "java.lang.Boolean",
        "Whether the flyway-zdm starter configures Spring Boot's Flyway.", "true"));
    String hints = "    {\n      \"name\": \"" + SoakingContracts.KEY + "\",\n      \"values\": [\n"
        + Arrays.stream(SoakingContracts.values()).map(mode -> "        {\n          \"value\": \"" + mode.text() + "\"\n        }")
            .collect(Collectors.joining(",\n"))
        + "\n      ]\n    },\n    {\n      \"name\": \"flyway.zdm.lint\",\n      \"values\": [\n"
        + Arrays.stream(new String[] {"off", "warn", "fail"}).map(mode -> "        {\n          \"value\": \"" + mode + "\"\n        }")
            .collect(Collectors.joining(",\n"))
        + "\n      ]\n    }";
    return "{\n  \"groups\": [\n    {\n      \"name\": \"flyway.zdm\",\n      \"description\": \"flyway-zdm: zero-downtime"
        + " PostgreSQL migrations for Flyway (the flyway.zdm.* keys of Flyway's configuration).\"\n    },\n    {\n"
        + "      \"name\": \"flyway.zdm.boot\",\n      \"description\": \"The flyway-zdm Spring Boot starter's own settings.\"\n"
        + "    }\n  ],\n  \"properties\": [\n" + String.join(",\n", properties) + "\n  ],\n  \"hints\": [\n" + hints
        + "\n  ]\n}\n";
  }

  private static String property(String name, String type, String description, String defaultJson) {
    return "    {\n      \"name\": \"" + name + "\",\n      \"type\": \"" + type + "\",\n      \"description\": \""
        + json(description) + "\"" + (defaultJson == null ? "" : ",\n      \"defaultValue\": " + defaultJson) + "\n    }";
  }

  /** Durations are text: the core parses them with its own grammar and messages, not Spring's Duration converter. */
  private static String javaType(SettingKey key) {
    return switch (key.type()) {
      case COUNT, POSITIVE_COUNT -> "java.lang.Integer";
      default -> "java.lang.String";
    };
  }

  private static String jsonDefault(SettingKey key) {
    return switch (key.type()) {
      case COUNT, POSITIVE_COUNT -> key.defaultText();
      default -> "\"" + json(key.defaultText()) + "\"";
    };
  }

  private static String capitalized(String text) {
    return Character.toUpperCase(text.charAt(0)) + text.substring(1);
  }

  private static String json(String text) {
    return text.replace("\\", "\\\\").replace("\"", "\\\"");
  }
}
