package dev.flywayzdm.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.flywayzdm.internal.settings.ByteText;
import java.time.Duration;
import java.util.Map;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.configuration.FluentConfiguration;
import org.junit.jupiter.api.Test;

/** The backfill throttle settings: defaults, text forms and the refusals that name the key. */
class ThrottleSettingsTest {

  private static ZdmSettings bound(Map<String, String> properties) {
    FluentConfiguration configuration = ZdmProperties.configure(Flyway.configure(), properties);
    return ZdmSettings.of(configuration);
  }

  @Test
  void defaultsWaitForTenSecondsOrOneGigabyteOfLagAtMostHalfAnHour() {
    ZdmSettings defaults = ZdmSettings.defaults();
    assertThat(defaults.maxReplicaLag()).isEqualTo(Duration.ofSeconds(10));
    assertThat(defaults.maxReplicaLagBytes()).isEqualTo(1L << 30);
    assertThat(defaults.backfillMaxWait()).isEqualTo(Duration.ofMinutes(30));
    assertThat(defaults.backfillLockRetries()).isEqualTo(3);
    assertThat(defaults.backfillThrottleQuery()).isEmpty();
  }

  @Test
  void propertiesSetEveryThrottleAndZeroSwitchesTheLagChecksOff() {
    ZdmSettings settings = bound(Map.of("flyway.zdm.maxReplicaLag", "0", "flyway.zdm.maxReplicaLagBytes", "512MB",
        "flyway.zdm.backfillMaxWait", "5m", "flyway.zdm.backfillLockRetries", "0",
        "flyway.zdm.backfillThrottleQuery", " SELECT count(*) > 10 FROM pg_stat_activity "));

    assertThat(settings.maxReplicaLag()).isZero();
    assertThat(settings.maxReplicaLagBytes()).isEqualTo(512L << 20);
    assertThat(settings.backfillMaxWait()).isEqualTo(Duration.ofMinutes(5));
    assertThat(settings.backfillLockRetries()).isZero();
    assertThat(settings.backfillThrottleQuery()).contains("SELECT count(*) > 10 FROM pg_stat_activity");
    assertThat(settings.toString()).contains("maxReplicaLagBytes=512MB");
  }

  @Test
  void sizesParseAsPostgresWritesThemAndFormatExactly() {
    assertThat(ByteText.parse("k", "0")).isZero();
    assertThat(ByteText.parse("k", "4096")).isEqualTo(4096);
    assertThat(ByteText.parse("k", "64kB")).isEqualTo(64 << 10);
    assertThat(ByteText.parse("k", "2 gb")).isEqualTo(2L << 30);
    assertThat(ByteText.format(1536L << 20)).isEqualTo("1536MB");
    assertThat(ByteText.format(1000)).isEqualTo("1000");
    assertThat(ByteText.format(0)).isEqualTo("0");
    assertThat(ByteText.roughly(3_500_000)).isEqualTo("3.3 MB");
  }

  @Test
  void badValuesAreRefusedNamingTheKeyAndWhatIsAccepted() {
    assertThatThrownBy(() -> bound(Map.of("flyway.zdm.maxReplicaLagBytes", "lots")))
        .hasMessageContaining("flyway.zdm.maxReplicaLagBytes = 'lots' is not a size: expected a size such as 0, 4096, 64kB");
    assertThatThrownBy(() -> bound(Map.of("flyway.zdm.maxReplicaLagBytes", "99999999999TB")))
        .hasMessageContaining("is too large");
    assertThatThrownBy(() -> bound(Map.of("flyway.zdm.backfillMaxWait", "0")))
        .hasMessageContaining("flyway.zdm.backfillMaxWait = 0 must be greater than 0");
    assertThatThrownBy(() -> ZdmSettings.builder().backfillThrottleQuery("SELECT true; DROP TABLE users"))
        .hasMessageContaining("flyway.zdm.backfillThrottleQuery 'SELECT true; DROP TABLE users' contains ';'");
    assertThatThrownBy(() -> ZdmSettings.builder().backfillLockRetries(-1))
        .hasMessageContaining("flyway.zdm.backfillLockRetries = -1 is negative");
  }
}
