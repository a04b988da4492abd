package dev.flywayzdm.config;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flywayzdm.internal.settings.SettingKey;
import java.io.IOException;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The settings table is the one list of keys: the members Flyway's binding needs and the README follow it. */
class SettingsTableTest {

  @Test
  void theExtensionHasOneTextFieldPerKeyBecauseFlywayBindsOnlyDeclaredFields() {
    List<String> fields = Arrays.stream(ZdmConfigurationExtension.class.getDeclaredFields())
        .filter(f -> !Modifier.isStatic(f.getModifiers()) && !Modifier.isTransient(f.getModifiers()))
        .peek(f -> assertThat(f.getType()).as(f.getName()).isEqualTo(String.class))
        .map(Field::getName).toList();

    assertThat(fields).as("Flyway 11-13 bind flyway.zdm.<key> only to a declared field named <key>")
        .containsExactlyElementsOf(SettingKey.keys());
  }

  @Test
  void flywaysJacksonCopyOfTheExtensionKeepsEveryKey() {
    ZdmConfigurationExtension extension = new ZdmConfigurationExtension();
    SettingKey.keys().forEach(key -> extension.set(key, "text of " + key));

    ZdmConfigurationExtension copy = (ZdmConfigurationExtension) extension.copy();

    SettingKey.keys().forEach(key -> assertThat(copy.get(key)).as(key).isEqualTo("text of " + key));
  }

  @Test
  void everyKeyHasAnEnvironmentVariableAndTheDefaultsParse() {
    for (SettingKey key : SettingKey.values()) {
      assertThat(SettingKey.ofEnvironmentVariable(key.environmentVariable())).contains(key);
      String text = ZdmSettings.defaults().text(key);
      if (key.defaultValue() == null) {
        assertThat(text).as(key.key()).isEqualTo(key.defaultText());
      } else {
        assertThat(key.parse(text)).as(key.key()).isEqualTo(key.defaultValue());
      }
    }
  }

  @Test
  void theReadmesSettingsTableIsTheKeyTable() throws IOException {
    String readme = Files.readString(Path.of("..", "README.md"));
    String expected = Arrays.stream(SettingKey.values()).map(SettingsTableTest::row).collect(Collectors.joining("\n"));

    assertThat(readme).as("README.md's settings table, generated from SettingKey:\n" + expected)
        .contains("| key | default | what |\n|---|---|---|\n" + expected + "\n\n");
  }

  private static String row(SettingKey key) {
    return "| `" + key.key() + "` | " + (key.defaultText().isEmpty() ? "" : "`" + key.defaultText() + "`") + " | "
        + key.doc() + " |";
  }

  private static String capitalized(String key) {
    return Character.toUpperCase(key.charAt(0)) + key.substring(1);
  }
}
