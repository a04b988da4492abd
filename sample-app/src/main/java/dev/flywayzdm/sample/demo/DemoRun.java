package dev.flywayzdm.sample.demo;

import dev.flywayzdm.callback.MigrationRefusedException;
import dev.flywayzdm.sample.app.AppVersion;
import java.io.PrintStream;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * One run of the demo on its own database: start the service, load the data, start the traffic,
 * apply the steps one by one (release 2 goes live after the expand steps), stop the traffic.
 */
final class DemoRun {

  private static final Duration SETTLE = Duration.ofSeconds(1);

  private final DemoOptions.Mode mode;
  private final DemoOptions options;
  private final DemoDatabase database;
  private final PrintStream console;

  DemoRun(DemoOptions.Mode mode, DemoOptions options, DemoDatabase database, PrintStream console) {
    this.mode = mode;
    this.options = options;
    this.database = database;
    this.console = console;
  }

  RunResult run() throws Exception {
    boolean zdm = mode.zdm();
    List<String> lint = LintCheck.findings(zdm ? "db/migration" : "db/naive", zdm, database.serverMajor());
    say("flyway-zdm's linter on this run's SQL migrations: %d findings", lint.size());
    say("starting the service on database %s", database.name());
    try (Service service = Service.start(database, options, mode);
        RetryCounter retries = RetryCounter.install()) {
      Migrator migrator = zdm ? new ZdmMigrator(service.context(), retries) : new NaiveMigrator(service.dataSource());
      if (!zdm) {
        migrator.migrateTo("1");
      }
      say("loading %,d users and %,d orders", options.rows(), options.rows());
      long loadStart = System.nanoTime();
      DataLoader.load(database, options.rows());
      long loadNanos = System.nanoTime() - loadStart;
      say("loaded in %s", Durations.millis(loadNanos));

      Traffic traffic = new Traffic(service.releases(), options.trafficThreads(), options.opsPerSecond(),
          options.rows(), options.rows(), Duration.ofHours(2));
      ScheduledExecutorService progress = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread thread = new Thread(r, "demo-progress");
        thread.setDaemon(true);
        return thread;
      });
      List<PhaseResult> phases = new ArrayList<>();
      ReportingQuery report = null;
      long trafficStart = System.nanoTime();
      long trafficEnd;
      try {
        traffic.start();
        progress.scheduleAtFixedRate(() -> say("  app traffic: %s", traffic.log().drainProgress()), 5, 5, TimeUnit.SECONDS);
        say("application traffic started: %d threads, %d calls/s each, release %s", options.trafficThreads(),
            options.opsPerSecond(), service.releases().live());
        pause(SETTLE);
        for (Step step : plan()) {
          if (step.underReport() && !options.blocker().isZero()) {
            report = ReportingQuery.start(database, "users", options.blocker());
            say("a reporting transaction now holds a lock on users for %s", Durations.of(options.blocker()));
          }
          if (step.contractOf() != null && zdm) {
            applyAfterSoak(step, migrator, phases);
          } else {
            phases.add(apply(step, migrator));
          }
          if (step.deployAfter()) {
            service.releases().deploy(AppVersion.V2);
            say("deployed release V2 of the application (users.display_name, orders.amount_cents)");
          }
          if (report != null && report.endNanos() == 0 && step.underReport()) {
            report.awaitEnd(options.blocker().plusSeconds(30));
          }
        }
        pause(SETTLE);
      } finally {
        traffic.stop(Duration.ofSeconds(60));
        trafficEnd = System.nanoTime();
        progress.shutdownNow();
      }
      say("application traffic stopped: %s", summary(traffic.log()));
      return new RunResult(mode, database.name(), trafficStart, trafficEnd, loadNanos, List.copyOf(phases),
          traffic.log().ops(), traffic.log().errors(),
          report == null ? 0 : report.startNanos(), report == null ? 0 : report.endNanos(), lint);
    }
  }

  /** The steps of this run: the "before" run stops after the last one under the reporting transaction. */
  private List<Step> plan() {
    if (mode != DemoOptions.Mode.ZDM_BEFORE) {
      return Step.PLAN;
    }
    int last = 0;
    for (int i = 0; i < Step.PLAN.size(); i++) {
      last = Step.PLAN.get(i).underReport() ? i : last;
    }
    return Step.PLAN.subList(0, last + 1);
  }

  private PhaseResult apply(Step step, Migrator migrator) {
    say("%s ...", step.label());
    long retriesBefore = migrator.retriesSoFar();
    long start = System.nanoTime();
    try {
      migrator.migrateTo(step.version());
    } catch (RuntimeException e) {
      long end = System.nanoTime();
      say("%s FAILED after %s: %s", step.label(), Durations.millis(end - start), firstLine(e));
      throw new IllegalStateException(mode.title + " run: " + step.label() + " failed: " + firstLine(e), e);
    }
    long end = System.nanoTime();
    long retries = migrator.retriesSoFar() - retriesBefore;
    say("%s done in %s%s", step.label(), Durations.millis(end - start), retries > 0 ? " after " + retries + " lock retries" : "");
    return new PhaseResult(step, PhaseResult.Outcome.APPLIED, start, end, retries, "");
  }

  /**
   * A contract step under flyway-zdm: the first attempt comes right after release 2 went live, so
   * the soak gate refuses it; the demo waits out the rest of the soak and applies it.
   */
  private void applyAfterSoak(Step step, Migrator migrator, List<PhaseResult> phases) throws SQLException, InterruptedException {
    say("%s (soak %s since expand V%s) ...", step.label(), Durations.of(options.soak()), step.contractOf());
    long start = System.nanoTime();
    try {
      migrator.migrateTo(step.version());
      long end = System.nanoTime();
      say("%s done in %s (its soak was already over)", step.label(), Durations.millis(end - start));
      phases.add(new PhaseResult(step, PhaseResult.Outcome.APPLIED, start, end, 0, ""));
      return;
    } catch (RuntimeException refused) {
      long end = System.nanoTime();
      MigrationRefusedException gate = refusal(refused);
      if (gate == null) {
        throw new IllegalStateException(mode.title + " run: " + step.label() + " failed: " + firstLine(refused), refused);
      }
      String message = firstLine(gate);
      say("%s REFUSED by the soak gate: %s", step.label(), message);
      phases.add(new PhaseResult(step, PhaseResult.Outcome.REFUSED, start, end, 0, message));
    }
    Duration wait = soakLeft(step.contractOf()).plusMillis(250);
    Duration bound = options.soak().plusMinutes(1);
    say("demo soak: the service runs release V2 for %s more before the contract step", Durations.of(wait));
    pause(wait.compareTo(bound) > 0 ? bound : wait);
    phases.add(apply(step, migrator));
  }

  /**
   * How long until the soak of the expand step ends, counted as the soak gate counts it: from
   * {@code installed_on + execution_time} of the expand, by the database's clock.
   */
  private Duration soakLeft(String expandVersion) throws SQLException {
    try (Connection connection = database.connect();
        PreparedStatement query = connection.prepareStatement("""
            SELECT extract(epoch FROM installed_on + execution_time * interval '1 millisecond' + ? * interval '1 millisecond' - now())
            FROM flyway_schema_history WHERE version = ? AND success""")) {
      query.setLong(1, options.soak().toMillis());
      query.setString(2, expandVersion);
      try (ResultSet rows = query.executeQuery()) {
        return rows.next() ? Duration.ofMillis(Math.max(0, Math.round(rows.getDouble(1) * 1000))) : Duration.ZERO;
      }
    }
  }

  private static MigrationRefusedException refusal(Throwable failure) {
    for (Throwable t = failure; t != null; t = t.getCause()) {
      if (t instanceof MigrationRefusedException refused) {
        return refused;
      }
    }
    return null;
  }

  private static String summary(OpLog log) {
    LatencyStats all = LatencyStats.of(log.ops());
    return String.format("%,d calls, %,d failed, p99 %s, slowest %s", all.total(), all.failed(),
        Durations.millis(all.p99Nanos()), Durations.millis(all.maxNanos()));
  }

  private static void pause(Duration duration) throws InterruptedException {
    Thread.sleep(duration.toMillis());
  }

  private static String firstLine(Throwable error) {
    String message = error.getMessage() == null ? error.getClass().getSimpleName() : error.getMessage();
    return message.strip().lines().findFirst().orElse(message);
  }

  private void say(String format, Object... args) {
    console.printf("[%s] %s%n", mode.id, String.format(Locale.ROOT, format, args));
  }
}
