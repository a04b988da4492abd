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
    assertThat(options.modes()).containsExactly(DemoOptions.Mode.NAIVE, DemoOptions.Mode.ZDM);
    assertThat(options.lockTimeout()).isEqualTo(Duration.ofSeconds(1));
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
