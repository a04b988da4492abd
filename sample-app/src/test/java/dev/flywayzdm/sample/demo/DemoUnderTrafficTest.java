package dev.flywayzdm.sample.demo;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flywayzdm.testsupport.PostgresTest;
import dev.flywayzdm.testsupport.TestDatabase;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The README's demo, CI-sized: 20,000 rows, three application threads, a reporting transaction that
 * holds users for 5 s during V2, lock_timeout 1 s, soak 2 s; naive and flyway-zdm runs on two
 * databases of the test server. Report and chart stay in {@code target/zdm-demo-ci}.
 */
@PostgresTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DemoUnderTrafficTest {

  private static final Duration LOCK_TIMEOUT = Duration.ofSeconds(1);
  private static final Duration BLOCKER = Duration.ofSeconds(5);

  /** Kept after the build: the CI-sized report and chart are worth a look. */
  private static final Path OUT = Path.of("target", "zdm-demo-ci");

  private Demo.Outcome outcome;
  private RunResult naive;
  private RunResult before;
  private RunResult zdm;

  @BeforeAll
  void runTheDemo(TestDatabase db) throws Exception {
    DemoOptions options = DemoOptions.parse("--url", db.jdbcUrl(), "--user", db.user(),
        "--password", db.password() == null ? "" : db.password(), "--compare", "--rows", "20000",
        "--traffic-threads", "3", "--ops-per-second", "50", "--blocker", "5s", "--lock-timeout", "1s",
        "--soak", "2s", "--out", OUT.toString(), "--database-prefix", db.name(), "--drop-databases");
    ByteArrayOutputStream console = new ByteArrayOutputStream();
    try (PrintStream print = new PrintStream(console, true, StandardCharsets.UTF_8)) {
      outcome = Demo.run(options, print);
    } finally {
      System.out.print(console.toString(StandardCharsets.UTF_8));
    }
    naive = outcome.runs().get(0);
    before = outcome.runs().get(1);
    zdm = outcome.runs().get(2);
  }

  @Test
  void runsTheNaiveAndTheZeroDowntimeMigrationsUnderTheSameTraffic() {
    assertThat(naive.mode()).isEqualTo(DemoOptions.Mode.NAIVE);
    assertThat(before.mode()).isEqualTo(DemoOptions.Mode.ZDM_BEFORE);
    assertThat(zdm.mode()).isEqualTo(DemoOptions.Mode.ZDM);
    for (RunResult run : List.of(naive, zdm)) {
      assertThat(Step.PLAN).as("%s applies every step", run.mode())
          .allSatisfy(step -> assertThat(run.applied(step)).as(step.label()).isNotNull());
      assertThat(run.overall().total()).as("%s: the application was busy throughout", run.mode()).isGreaterThan(200);
    }
  }

  @Test
  void flywayZdmFailsNoApplicationCall() {
    assertThat(zdm.errors()).as("errors the application saw under flyway-zdm").isEmpty();
    assertThat(zdm.failedOps()).isZero();
  }

  @Test
  void flywayZdmKeepsEveryWaitFarBelowTheReportingTransaction() {
    PhaseResult v2 = zdm.applied(step("2"));
    assertThat(v2.retries()).as("V2 waited for the reporting transaction by retrying").isPositive();
    assertThat(Duration.ofNanos(zdm.longestWaitNanos()))
        .as("no call waits for the whole reporting transaction: each ALTER attempt gives up after lock_timeout")
        .isLessThan(BLOCKER.minusSeconds(1));
  }

  @Test
  void shortLockAttemptsKeepTheApplicationsWaitBehindTheHeldLockFarBelowAWholeLockTimeout() {
    PhaseResult withoutAttempts = before.applied(step("2"));
    PhaseResult withAttempts = zdm.applied(step("2"));
    assertThat(Duration.ofNanos(before.during(withoutAttempts).maxNanos()))
        .as("before: each try of the ALTER queues the application for a whole lock_timeout")
        .isGreaterThanOrEqualTo(LOCK_TIMEOUT.minusMillis(100));
    assertThat(Duration.ofNanos(zdm.during(withAttempts).maxNanos()))
        .as("after: the application waits behind one 100 ms attempt at a time (generous bound for a busy machine)")
        .isLessThan(LOCK_TIMEOUT.dividedBy(2));
  }

  @Test
  void theNaiveRunStallsTheApplicationLongerThanTheLockTimeout() {
    PhaseResult v2 = naive.applied(step("2"));
    assertThat(Duration.ofNanos(naive.during(v2).maxNanos()))
        .as("behind the reporting transaction the plain ALTER queues, and the application behind it")
        .isGreaterThan(LOCK_TIMEOUT.multipliedBy(2));
  }

  @Test
  void theContractIsRefusedBeforeTheSoakAndAppliedAfterIt() {
    Step contract = step("10");
    PhaseResult refused = zdm.refused(contract);
    PhaseResult applied = zdm.applied(contract);
    assertThat(refused).as("V10 refused by the soak gate right after the deploy").isNotNull();
    assertThat(refused.detail()).contains("V10__contract_users_name must wait", "soak 2s");
    assertThat(applied).as("V10 applied once the soak was over").isNotNull();
    assertThat(applied.startNanos()).isGreaterThan(refused.endNanos());
    assertThat(naive.refused(contract)).as("plain Flyway has no soak gate").isNull();
  }

  @Test
  void writesTheReportAndTheChart() throws Exception {
    String report = Files.readString(outcome.report());
    assertThat(report).contains("## Side by side", "V2 add nullable column users.last_login_at",
        "## Behind a held lock: before and after short lock attempts",
        "refused (soak)", "![application latency over time](latency.png)");
    BufferedImage chart = ImageIO.read(outcome.chart().toFile());
    assertThat(chart).as("a PNG").isNotNull();
    assertThat(chart.getWidth()).isGreaterThanOrEqualTo(1000);
    assertThat(chart.getHeight()).as("one panel per run").isGreaterThanOrEqualTo(1200);
  }

  private static Step step(String version) {
    return Step.PLAN.stream().filter(s -> s.version().equals(version)).findFirst().orElseThrow();
  }
}
