package dev.flywayzdm.maven;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.flywayzdm.config.ZdmProperties;
import dev.flywayzdm.config.ZdmSettings;
import dev.flywayzdm.internal.settings.SettingKey;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.stream.Collectors;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.configuration.FluentConfiguration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every key of the settings table, from every place the README lists for zdm:migrate and zdm:status,
 * reaches the settings the callback runs with. Driven by the table: a new key is covered without a
 * change here (a TEXT key needs a sample in {@link #TEXT_SAMPLES}, and the test says so).
 */
class ZdmSettingSourcesTest {

  /** Values no default has; distinct per key, so a key bound to another's field is caught. */
  private static final Map<String, String> TEXT_SAMPLES = Map.of(
      "lint", "fail",
      "lintDisabledRules", "prefer-jsonb",
      "lintSeverity", "lock-table=error",
      "startAfter", "41",
      "backfillThrottleQuery", "SELECT false");

  @TempDir
  Path basedir;

  @Test
  void everyKeyFromTheGoalsSettings() {
    assertHonoured(new ZdmSettingParameters(samples(), List.of()), project(new Properties(), new Properties()));
  }

  @Test
  void everyKeyFromAZdmUserProperty() {
    assertHonoured(new ZdmSettingParameters(null, List.of(prefixed("zdm."))), project(new Properties(), new Properties()));
  }

  @Test
  void everyKeyFromAZdmPomProperty() {
    assertHonoured(new ZdmSettingParameters(null, List.of(new Properties(), new Properties(), prefixed("zdm."))),
        project(new Properties(), new Properties()));
  }

  @Test
  void everyKeyFromAFlywayZdmUserProperty() {
    assertHonoured(new ZdmSettingParameters(null, List.of()), project(prefixed("flyway.zdm."), new Properties()));
  }

  @Test
  void everyKeyFromAFlywayZdmPomProperty() {
    assertHonoured(new ZdmSettingParameters(null, List.of()), project(new Properties(), prefixed("flyway.zdm.")));
  }

  @Test
  void everyKeyFromItsEnvironmentVariable() {
    Map<String, String> environment = new LinkedHashMap<>();
    samples().forEach((name, value) -> environment.put(SettingKey.named(name).orElseThrow().environmentVariable(), value));

    assertHonoured(new ZdmSettingParameters(null, List.of(), environment, Map.of()), project(new Properties(), new Properties()));
  }

  @Test
  void everyKeyFromAFlywayConfFile() throws Exception {
    Files.writeString(basedir.resolve("flyway.conf"), samples().entrySet().stream()
        .map(e -> "flyway.zdm." + e.getKey() + "=" + e.getValue()).collect(Collectors.joining("\n", "flyway.url=jdbc:x\n", "\n")));

    assertHonoured(new ZdmSettingParameters(null, List.of(), Map.of(), ConfigFileSettings.read(basedir, List.of("flyway.conf"))),
        project(new Properties(), new Properties()));
  }

  @Test
  void everyKeyFromTheFlywayZdmTableOfAFlywayTomlFile() throws Exception {
    Files.writeString(basedir.resolve("flyway.toml"), """
        [environments.default]
        url = "jdbc:postgresql://localhost/app"

        [flyway]
        locations = ["classpath:db/migration"]

        [flyway.zdm]
        """ + samples().entrySet().stream().map(e -> e.getKey() + " = \"" + e.getValue() + "\" # a comment")
        .collect(Collectors.joining("\n", "", "\n\n[flyway.other]\nlockTimeout = \"9s\"\n")));

    assertHonoured(new ZdmSettingParameters(null, List.of(), Map.of(), ConfigFileSettings.read(basedir, List.of("flyway.toml"))),
        project(new Properties(), new Properties()));
  }

  @Test
  void theGoalBeatsZdmPropertiesBeatFlywayZdmPropertiesBeatTheEnvironmentBeatsConfigFiles() {
    Properties zdm = new Properties();
    zdm.setProperty("zdm.lockTimeout", "2001ms");
    zdm.setProperty("zdm.soak", "2h");
    Properties flyway = new Properties();
    flyway.setProperty("flyway.zdm.lockTimeout", "3001ms");
    flyway.setProperty("flyway.zdm.soak", "3h");
    flyway.setProperty("flyway.zdm.maxBlockerAge", "3002ms");
    Map<String, String> environment = Map.of("FLYWAY_ZDM_MAX_BLOCKER_AGE", "4002ms", "FLYWAY_ZDM_BACKFILL_PAUSE", "4003ms");
    Map<String, String> files = Map.of("backfillPause", "5003ms", "backfillBatchSize", "55");

    Map<String, String> values = new ZdmSettingParameters(Map.of("lockTimeout", "1001ms"), List.of(zdm), environment, files)
        .resolve(project(new Properties(), flyway));

    assertThat(values).containsEntry("lockTimeout", "1001ms").containsEntry("soak", "2h")
        .containsEntry("maxBlockerAge", "3002ms").containsEntry("backfillPause", "4003ms")
        .containsEntry("backfillBatchSize", "55");
  }

  @Test
  void anUnknownKeyInAConfigFileIsRefusedNamingIt() throws Exception {
    Files.writeString(basedir.resolve("flyway.conf"), "flyway.zdm.lockTimout=2s\n");
    Map<String, String> values = new ZdmSettingParameters(null, List.of(), Map.of(),
        ConfigFileSettings.read(basedir, List.of("flyway.conf"))).resolve(project(new Properties(), new Properties()));

    assertThatThrownBy(() -> configure(values)).hasMessageContaining("lockTimout").hasMessageContaining("lockTimeout");
  }

  @Test
  void aMissingConfigFileIsNamed() {
    assertThatThrownBy(() -> ConfigFileSettings.read(basedir, List.of("conf/missing.conf")))
        .hasMessageContaining("missing.conf").hasMessageContaining("flyway.configFiles");
  }

  /** The samples reach the callback's settings exactly as a flyway.conf with them would. */
  private static void assertHonoured(ZdmSettingParameters parameters, FlywayProjectConfiguration project) {
    Map<String, String> resolved = parameters.resolve(project);
    assertThat(resolved).as("every key of the settings table is passed on").containsAllEntriesOf(samples());

    ZdmSettings settings = ZdmSettings.of(configure(resolved));
    Map<String, String> reference = new LinkedHashMap<>();
    samples().forEach((name, value) -> reference.put("flyway.zdm." + name, value));
    ZdmSettings expected = ZdmSettings.of(ZdmProperties.configure(Flyway.configure(), reference));

    assertThat(settings).as("the settings the callback reads").isEqualTo(expected).isNotEqualTo(ZdmSettings.defaults());
  }

  private static FluentConfiguration configure(Map<String, String> zdmSettings) {
    ConnectionSettings connection = new ConnectionSettings("jdbc:postgresql://localhost/app", Optional.empty(),
        Optional.empty(), List.of(), Optional.empty(), List.of("classpath:db/migration"));
    return FlywaySetup.configure(connection, ZdmSettingSourcesTest.class.getClassLoader(), zdmSettings,
        new TransactionalLock(false, "test"));
  }

  private FlywayProjectConfiguration project(Properties user, Properties pom) {
    return new FlywayProjectConfiguration(user, pom, null);
  }

  /** A sample value for every key of the table, none of them its default. */
  private static Map<String, String> samples() {
    Map<String, String> samples = new LinkedHashMap<>();
    int n = 0;
    for (SettingKey key : SettingKey.values()) {
      n++;
      String sample = switch (key.type()) {
        case SERVER_TIMEOUT, SERVER_TIMEOUT_OR_ZERO -> (1200 + n) + "ms";
        case SOAK -> n + "h";
        case COUNT, POSITIVE_COUNT -> String.valueOf(70 + n);
        case BYTES -> (n + 1) + "MB";
        case TEXT -> TEXT_SAMPLES.get(key.key());
      };
      assertThat(sample).as("a sample value for " + key.qualified() + ": add one to TEXT_SAMPLES").isNotNull();
      assertThat(sample).as(key.qualified() + "'s sample must differ from its default").isNotEqualTo(key.defaultText());
      samples.put(key.key(), sample);
    }
    return samples;
  }

  private static Properties prefixed(String prefix) {
    Properties properties = new Properties();
    samples().forEach((name, value) -> properties.setProperty(prefix + name, value));
    return properties;
  }
}
