package dev.flywayzdm.sample.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class DemoOptionsTest {

  private static final String URL = "jdbc:postgresql://127.0.0.1:15417/postgres";

  @Test
  void comparesBothRunsOnAMillionRowsByDefault() {
    DemoOptions options = DemoOptions.parse("--url", URL);
    assertThat(options.rows()).isEqualTo(1_000_000);
    assertThat(options.modes()).containsExactly(DemoOptions.Mode.NAIVE, DemoOptions.Mode.ZDM_BEFORE, DemoOptions.Mode.ZDM);
    assertThat(options.lockTimeout()).isEqualTo(Duration.ofSeconds(1));
    assertThat(options.lockAttemptTimeout()).isEqualTo(Duration.ofMillis(100));
  }

  @Test
  void leavesOutTheBeforeRunOnRequest() {
    assertThat(DemoOptions.parse("--url", URL, "--no-before").modes())
        .containsExactly(DemoOptions.Mode.NAIVE, DemoOptions.Mode.ZDM);
    assertThat(DemoOptions.parse("--url", URL, "--zdm").modes()).containsExactly(DemoOptions.Mode.ZDM);
  }

  @Test
  void readsDurationsWithoutFlywayZdmSoScriptsDemoCanCheckThemBeforeBuilding() {
    assertThat(DemoOptions.parse("--url", URL, "--blocker", "PT3S", "--soak", "0", "--lock-timeout", "1500ms",
        "--lock-attempt-timeout", "50ms")).satisfies(options -> {
          assertThat(options.blocker()).isEqualTo(Duration.ofSeconds(3));
          assertThat(options.soak()).isZero();
          assertThat(options.lockTimeout()).isEqualTo(Duration.ofMillis(1500));
          assertThat(options.lockAttemptTimeout()).isEqualTo(Duration.ofMillis(50));
        });
    assertThatThrownBy(() -> DemoOptions.parse("--url", URL, "--blocker", "-PT1S")).hasMessageContaining("--blocker = -PT1S");
    assertThatThrownBy(() -> DemoOptions.parse("--url", "mysql://h/db")).hasMessageContaining("not a PostgreSQL JDBC URL");
  }

  @Test
  void readsSizesDurationsAndModes() {
    DemoOptions options = DemoOptions.parse("--url=" + URL, "--rows", "20k", "--zdm", "--soak", "2s", "--blocker", "0");
    assertThat(options.rows()).isEqualTo(20_000);
    assertThat(options.modes()).isEqualTo(List.of(DemoOptions.Mode.ZDM));
    assertThat(options.soak()).isEqualTo(Duration.ofSeconds(2));
    assertThat(options.blocker()).isZero();
  }

  @Test
  void badInputNamesTheOptionAndWhatIsAccepted() {
    assertThatThrownBy(() -> DemoOptions.parse("--url", URL, "--rows", "lots"))
        .hasMessageContaining("--rows = lots").hasMessageContaining("20k");
    assertThatThrownBy(() -> DemoOptions.parse("--url", URL, "--soak", "5"))
        .hasMessageContaining("--soak");
    assertThatThrownBy(() -> DemoOptions.parse("--url", URL, "--speed", "9"))
        .hasMessageContaining("unknown option '--speed'");
  }

  @Test
  void createsItsDatabasesBesideTheGivenOneKeepingTheUrlParameters() {
    assertThat(DemoDatabase.withDatabase("jdbc:postgresql://h:5432/postgres?sslmode=disable", "zdm_demo_zdm"))
        .isEqualTo("jdbc:postgresql://h:5432/zdm_demo_zdm?sslmode=disable");
    assertThat(DemoDatabase.withDatabase("jdbc:postgresql://h:5432", "x")).isEqualTo("jdbc:postgresql://h:5432/x");
    assertThatThrownBy(() -> DemoDatabase.recreate(URL, "postgres", "", "Robert'); DROP"))
        .hasMessageContaining("database name");
  }
}
