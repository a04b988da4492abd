package dev.flywayzdm.internal.settings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class DurationTextTest {

  @Test
  void acceptsTheShortFormsUsersWrite() {
    assertThat(DurationText.parse("k", "500ms")).isEqualTo(Duration.ofMillis(500));
    assertThat(DurationText.parse("k", "2s")).isEqualTo(Duration.ofSeconds(2));
    assertThat(DurationText.parse("k", " 5m ")).isEqualTo(Duration.ofMinutes(5));
    assertThat(DurationText.parse("k", "24h")).isEqualTo(Duration.ofHours(24));
    assertThat(DurationText.parse("k", "7d")).isEqualTo(Duration.ofDays(7));
    assertThat(DurationText.parse("k", "0")).isZero();
  }

  @Test
  void acceptsIso8601() {
    assertThat(DurationText.parse("k", "PT2S")).isEqualTo(Duration.ofSeconds(2));
    assertThat(DurationText.parse("k", "p1d")).isEqualTo(Duration.ofDays(1));
  }

  @Test
  void rejectsNegativeUnparseableAndUnitlessValuesNamingTheKey() {
    assertThatThrownBy(() -> DurationText.parse("flyway.zdm.soak", "-PT1S"))
        .hasMessageContaining("flyway.zdm.soak").hasMessageContaining("negative");
    assertThatThrownBy(() -> DurationText.parse("flyway.zdm.lockTimeout", "two seconds"))
        .hasMessage("flyway.zdm.lockTimeout = 'two seconds' is not " + DurationText.ACCEPTED);
    assertThatThrownBy(() -> DurationText.parse("flyway.zdm.lockTimeout", "2000"))
        .hasMessageContaining("has no unit").hasMessageContaining("2000ms");
  }

  @Test
  void formatsBackToTheShortForm() {
    assertThat(DurationText.format(Duration.ofMillis(1500))).isEqualTo("1500ms");
    assertThat(DurationText.format(Duration.ofHours(24))).isEqualTo("1d");
    assertThat(DurationText.format(Duration.ofMinutes(90))).isEqualTo("90m");
  }

  @Test
  void saysWaitsInTheirTwoLargestUnitsRoundedDown() {
    assertThat(DurationText.roughly(Duration.ofSeconds(86_399))).isEqualTo("23h 59m");
    assertThat(DurationText.roughly(Duration.ofDays(7).minusSeconds(1))).isEqualTo("6d 23h");
    assertThat(DurationText.roughly(Duration.ofMinutes(30))).isEqualTo("30m 0s");
    assertThat(DurationText.roughly(Duration.ofMillis(12_999))).isEqualTo("12s");
    assertThat(DurationText.roughly(Duration.ofSeconds(-5))).isEqualTo("0s");
  }
}
