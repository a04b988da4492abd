package dev.flywayzdm.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.flywayzdm.callback.ZeroDowntimeCallback;
import dev.flywayzdm.internal.pg.FlywayLockMode;
import dev.flywayzdm.lint.LintOptions;
import dev.flywayzdm.lint.Severity;
import dev.flywayzdm.testsupport.PostgresTest;
import dev.flywayzdm.testsupport.TestDatabase;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.configuration.FluentConfiguration;
import org.junit.jupiter.api.Test;

/** flyway.zdm.* binds from every place users configure Flyway, and bad values fail before anything runs. */
@PostgresTest
class SettingsBindingTest {

  /** Flyway 13 binds extension keys from a map only with jackson-databind 3, which this build does not add. */
  private static final boolean FLYWAY_MAP_BINDING_NEEDS_JACKSON =
      System.getProperty("zdm.expectedFlywayVersion", "").startsWith("13.")
          && !present("tools.jackson.databind.ObjectMapper");

  @Test
  void bindsAFlywayConfStyleMapThroughFlywaysOwnApi() {
    if (FLYWAY_MAP_BINDING_NEEDS_JACKSON) {
      assertThatThrownBy(() -> Flyway.configure().configuration(Map.of("flyway.zdm.lockTimeout", "500ms")))
          .as("Flyway 13 without jackson-databind: use ZdmProperties instead")
          .hasMessageContaining("jackson-databind");
      return;
    }
    FluentConfiguration configuration = Flyway.configure().configuration(Map.of("flyway.zdm.lockTimeout", "500ms"));

    assertThat(ZdmSettings.of(configuration.load().getConfiguration()).lockTimeout()).isEqualTo(Duration.ofMillis(500));
  }

  @Test
  void bindsAPropertyMapWithoutJacksonOnEveryFlywayVersionInBothKeyForms() {
    FluentConfiguration configuration = ZdmProperties.configure(Flyway.configure(), Map.of(
        "flyway.zdm.lockTimeout", "500ms",
        "zdm.soak", "2h",
        "flyway.table", "my_history"));

    ZdmSettings settings = ZdmSettings.of(configuration.load().getConfiguration());
    assertThat(settings.lockTimeout()).isEqualTo(Duration.ofMillis(500));
    assertThat(settings.soak()).as("the un-prefixed form some Maven plugin versions pass").isEqualTo(Duration.ofHours(2));
    assertThat(configuration.getTable()).as("other keys still go to Flyway").isEqualTo("my_history");
  }

  @Test
  void bindsSpringsRelaxedKebabCaseNames() {
    FluentConfiguration configuration = ZdmProperties.configure(Flyway.configure(), Map.of(
        "flyway.zdm.lock-timeout", "750ms",
        "flyway.zdm.lock-retry-max-total", "1m"));

    ZdmSettings settings = ZdmSettings.of(configuration.load().getConfiguration());
    assertThat(settings.lockTimeout()).isEqualTo(Duration.ofMillis(750));
    assertThat(settings.lockRetryMaxTotal()).isEqualTo(Duration.ofMinutes(1));
  }

  @Test
  void turnsOffFlywaysTransactionalLockWithoutJacksonOnEveryFlywayVersion() {
    FluentConfiguration configuration = ZdmProperties.configure(Flyway.configure(),
        Map.of("flyway.postgresql.transactional.lock", "false"));

    assertThat(FlywayLockMode.transactionalLockOn(configuration)).isFalse();
    assertThatThrownBy(() -> ZdmProperties.configure(Flyway.configure(), Map.of("flyway.postgresql.transactional.lock", "no")))
        .hasMessage("flyway.postgresql.transactional.lock = 'no' is not true or false");
  }

  @Test
  void bindsAFlywayConfFile() throws IOException {
    Properties conf = new Properties();
    conf.load(new StringReader("flyway.zdm.lockTimeout=750ms\nflyway.zdm.lint=fail\nflyway.zdm.lintDisabledRules=drop-table\n"
        + "flyway.zdm.lintSeverity=prefer-jsonb=error, lock-table=off\n"));

    FluentConfiguration configuration = ZdmProperties.configure(Flyway.configure(), conf);

    ZdmSettings settings = ZdmSettings.of(configuration);
    assertThat(settings.lockTimeout()).isEqualTo(Duration.ofMillis(750));
    assertThat(settings.lint()).isEqualTo(LintMode.FAIL);
    assertThat(settings.lintOptions().disabledRules()).containsExactlyInAnyOrder("drop-table", "lock-table");
    assertThat(settings.lintOptions().severityOf("prefer-jsonb")).isEqualTo(Severity.ERROR);
  }

  @Test
  void lintRuleSettingsSurviveTheJavaApiRoundTrip() {
    LintOptions rules = LintOptions.builder().disable("prefer-jsonb").severity("lock-table", Severity.WARNING).build();
    FluentConfiguration configuration = Flyway.configure();

    ZdmConfigurationExtension.in(configuration).apply(ZdmSettings.builder().lintOptions(rules).build());

    assertThat(ZdmConfigurationExtension.in(configuration).get("lintDisabledRules")).isEqualTo("prefer-jsonb");
    assertThat(ZdmConfigurationExtension.in(configuration).get("lintSeverity")).isEqualTo("lock-table=warning");
    assertThat(ZdmSettings.of(configuration).lintOptions()).isEqualTo(rules);
  }

  @Test
  void refusesAnUnknownLintRuleIdNamingTheKeyAndListingTheAcceptedIds() {
    assertThatThrownBy(() -> ZdmProperties.configure(Flyway.configure(), Map.of("flyway.zdm.lintDisabledRules", "drop-colum")))
        .hasMessageContaining("flyway.zdm.lintDisabledRules = 'drop-colum'")
        .hasMessageContaining("Unknown lint rule 'drop-colum'")
        .hasMessageContaining("accepted ids: add-auto-increment-column, ").hasMessageContaining(" syntax-error, ")
        .hasMessageContaining(" drop-column, ");
    assertThatThrownBy(() -> ZdmProperties.configure(Flyway.configure(), Map.of("flyway.zdm.lintSeverity", "prefer-jsonb=loud")))
        .hasMessageContaining("flyway.zdm.lintSeverity = 'prefer-jsonb=loud'")
        .hasMessageContaining("accepted: error, warning, advice, off");
    assertThatThrownBy(() -> ZdmProperties.configure(Flyway.configure(), Map.of("flyway.zdm.lintSeverity", "prefer-jsonb")))
        .hasMessageContaining("flyway.zdm.lintSeverity = 'prefer-jsonb'")
        .hasMessageContaining("<rule-id>=<error|warning|advice|off>");
  }

  @Test
  void mapsEveryEnvironmentVariableToItsKey() {
    ZdmConfigurationExtension extension = new ZdmConfigurationExtension();

    assertThat(extension.getConfigurationParameterFromEnvironmentVariable("FLYWAY_ZDM_LOCK_TIMEOUT")).isEqualTo("flyway.zdm.lockTimeout");
    assertThat(extension.getConfigurationParameterFromEnvironmentVariable("FLYWAY_ZDM_LOCK_RETRY_MAX_TOTAL"))
        .isEqualTo("flyway.zdm.lockRetryMaxTotal");
    assertThat(extension.getConfigurationParameterFromEnvironmentVariable("FLYWAY_URL")).isNull();
    for (String key : ZdmConfigurationExtension.KEYS) {
      assertThat(extension.getConfigurationParameterFromEnvironmentVariable(ZdmConfigurationExtension.environmentVariableOf(key)))
          .isEqualTo("flyway.zdm." + key);
    }
  }

  @Test
  void bindsEnvironmentVariablesThroughFlywaysEnvironmentReader() throws Exception {
    String output = childWithEnvironment(Map.of("FLYWAY_ZDM_LOCK_TIMEOUT", "700ms", "FLYWAY_ZDM_SOAK", "3h"));

    assertThat(output).contains("properties: lockTimeout=PT0.7S soak=PT3H");
    if (FLYWAY_MAP_BINDING_NEEDS_JACKSON) {
      assertThat(output).contains("envVars: failed").contains("jackson-databind");
    } else {
      assertThat(output).contains("envVars: lockTimeout=PT0.7S soak=PT3H");
    }
  }

  @Test
  void refusesAMisspeltEnvironmentVariableListingTheAcceptedOnes() throws Exception {
    String output = childWithEnvironment(Map.of("FLYWAY_ZDM_LOCK_TIMOUT", "700ms"));

    assertThat(output).as("Flyway's environment reader, then ZdmProperties")
        .contains("properties: failed unknown environment variable FLYWAY_ZDM_LOCK_TIMOUT")
        .contains("accepted variables are FLYWAY_ZDM_LOCK_TIMEOUT, FLYWAY_ZDM_STATEMENT_TIMEOUT")
        .contains("flyway.zdm.lockTimeout, flyway.zdm.statementTimeout");
    assertThat(output).as("FluentConfiguration.envVars(): the run never starts with the default lock_timeout")
        .contains("envVars: failed").contains("FLYWAY_ZDM_LOCK_TIMOUT")
        .doesNotContain("envVars: lockTimeout=");
  }

  /** Runs {@link EnvironmentBindingMain} in a child JVM with these variables set: the only way to set them. */
  private static String childWithEnvironment(Map<String, String> variables) throws Exception {
    ProcessBuilder child = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-cp", System.getProperty("java.class.path"), EnvironmentBindingMain.class.getName());
    child.environment().putAll(variables);
    child.redirectErrorStream(true);
    Process process = child.start();
    assertThat(process.waitFor(60, TimeUnit.SECONDS)).as("child JVM finished").isTrue();
    return new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
  }

  @Test
  void refusesADurationPostgresCannotHoldNamingTheKeyAndTheRange() {
    assertThatThrownBy(() -> ZdmProperties.configure(Flyway.configure(), Map.of("flyway.zdm.lockTimeout", "100d")))
        .hasMessageContaining("flyway.zdm.lockTimeout = 100d is too long: accepted 1ms to 2147483647ms");
    assertThatThrownBy(() -> ZdmProperties.configure(Flyway.configure(), Map.of("flyway.zdm.lockRetryMaxTotal", "30d")))
        .as("applied as lock_timeout of a watched statement and handed to failsafe")
        .hasMessageContaining("flyway.zdm.lockRetryMaxTotal = 30d is too long: accepted 1ms to 2147483647ms");
    assertThatThrownBy(() -> ZdmProperties.configure(Flyway.configure(), Map.of("flyway.zdm.statementTimeout", "25d")))
        .hasMessageContaining("flyway.zdm.statementTimeout = 25d is too long: accepted 0 to 2147483647ms");
    assertThatThrownBy(() -> ZdmProperties.configure(Flyway.configure(), Map.of("flyway.zdm.lockTimeout", "PT0.0001S")))
        .as("PostgreSQL would read it as 0: no timeout at all")
        .hasMessageContaining("flyway.zdm.lockTimeout = PT0.0001S is below 1ms");
    assertThatThrownBy(() -> ZdmProperties.configure(Flyway.configure(), Map.of("flyway.zdm.soak", "9999999999999999d")))
        .as("overflow while parsing, not an ArithmeticException")
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("flyway.zdm.soak = '9999999999999999d' is too long to be a duration");
    assertThatThrownBy(() -> ZdmProperties.configure(Flyway.configure(), Map.of("flyway.zdm.soak", "4000d")))
        .hasMessageContaining("flyway.zdm.soak = 4000d is too long: accepted 0 to 3650d");
    assertThat(ZdmSettings.of(ZdmProperties.configure(Flyway.configure(),
        Map.of("flyway.zdm.lockTimeout", "2147483647ms"))).lockTimeout())
        .as("the largest value PostgreSQL holds is accepted").isEqualTo(Duration.ofMillis(Integer.MAX_VALUE));
  }

  @Test
  void anOverflowingLockTimeoutStopsTheRunBeforeAnyMigration(TestDatabase db) throws Exception {
    FluentConfiguration configuration = Flyway.configure().dataSource(db.dataSource()).schemas("overflow")
        .locations("classpath:dev/flywayzdm/smoke").callbacks(new ZeroDowntimeCallback());
    ZdmConfigurationExtension.in(configuration).set("lockTimeout", "100d");

    assertThatThrownBy(() -> configuration.load().migrate())
        .hasMessageContaining("flyway.zdm.lockTimeout = 100d is too long: accepted 1ms to 2147483647ms");
    assertThat(db.queryLong("SELECT count(*) FROM pg_tables WHERE schemaname = 'overflow' AND tablename = 'smoke'")).isZero();
  }

  @Test
  void bindsThroughTheJavaApiAndSurvivesLoad() {
    FluentConfiguration configuration = Flyway.configure();
    ZdmConfigurationExtension.in(configuration).set("lockTimeout", "1500ms");
    configuration.getPluginRegister().getPlugin(ZdmConfigurationExtension.class).set("maxBlockerAge", "30s");

    ZdmSettings settings = ZdmSettings.of(configuration.load().getConfiguration());

    assertThat(settings.lockTimeout()).isEqualTo(Duration.ofMillis(1500));
    assertThat(settings.maxBlockerAge()).isEqualTo(Duration.ofSeconds(30));
  }

  @Test
  void refusesAnUnknownKeyListingTheAcceptedOnes() {
    assertThatThrownBy(() -> ZdmProperties.configure(Flyway.configure(), Map.of("flyway.zdm.lockTimeot", "500ms")))
        .hasMessageContaining("unknown setting flyway.zdm.lockTimeot = '500ms'")
        .hasMessageContaining("accepted keys are flyway.zdm.lockTimeout, flyway.zdm.statementTimeout");
    assertThatThrownBy(() -> Flyway.configure().configuration(Map.of("flyway.zdm.lockTimeot", "500ms")))
        .as("Flyway's own map binding refuses it too, before anything runs")
        .hasMessageContaining("flyway.zdm.lockTimeot");
  }

  @Test
  void refusesBadValuesNamingKeyValueAndWhatIsAccepted() {
    assertThatThrownBy(() -> ZdmProperties.configure(Flyway.configure(), Map.of("flyway.zdm.lockTimeout", "-1s")))
        .hasMessageContaining("flyway.zdm.lockTimeout = '-1s'").hasMessageContaining("500ms, 2s");
    assertThatThrownBy(() -> ZdmProperties.configure(Flyway.configure(), Map.of("flyway.zdm.soak", "soon")))
        .hasMessageContaining("flyway.zdm.soak = 'soon' is not a duration such as 500ms, 2s, 5m, 24h");
    assertThatThrownBy(() -> ZdmProperties.configure(Flyway.configure(), Map.of("flyway.zdm.lockRetries", "many")))
        .hasMessageContaining("flyway.zdm.lockRetries = 'many' is not a whole number");
    assertThatThrownBy(() -> ZdmProperties.configure(Flyway.configure(), Map.of("flyway.zdm.lint", "loud")))
        .hasMessageContaining("flyway.zdm.lint = 'loud' is not one of off, warn, fail");
  }

  @Test
  void aBadValueSetThroughTheJavaApiFailsTheRunBeforeAnyMigration(TestDatabase db) throws Exception {
    FluentConfiguration configuration = Flyway.configure().dataSource(db.dataSource()).schemas("bad_value")
        .locations("classpath:dev/flywayzdm/smoke").callbacks(new ZeroDowntimeCallback());
    ZdmConfigurationExtension.in(configuration).set("lockTimeout", "soon");

    assertThatThrownBy(() -> configuration.load().migrate())
        .hasMessageContaining("flyway.zdm.lockTimeout = 'soon' is not a duration");
    assertThat(db.queryLong("SELECT count(*) FROM pg_tables WHERE schemaname = 'bad_value' AND tablename = 'smoke'")).isZero();
  }

  private static boolean present(String className) {
    try {
      Class.forName(className, false, Flyway.class.getClassLoader());
      return true;
    } catch (ClassNotFoundException e) {
      return false;
    }
  }
}
