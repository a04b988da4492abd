package dev.flywayzdm.sample.demo;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * The flyway-zdm demo: the sample service under live traffic while its schema goes through every
 * zero-downtime pattern, once as plain SQL and once through flyway-zdm, reported side by side.
 *
 * <pre>
 * scripts/demo                      # 1,000,000 rows, naive then flyway-zdm, on a throwaway PostgreSQL
 * scripts/demo --rows 100k --zdm    # smaller, flyway-zdm only
 * </pre>
 *
 * Writes {@code report.md} and {@code latency.png} to {@code target/zdm-demo} (see {@code --help}).
 */
public final class Demo {

  private Demo() {}

  public static void main(String[] args) throws Exception {
    DemoOptions options;
    try {
      options = DemoOptions.parse(args);
    } catch (DemoOptions.UsageException e) {
      if (e.getMessage() != null) {
        System.err.println("demo: " + e.getMessage());
      }
      System.err.print(DemoOptions.USAGE);
      System.exit(e.getMessage() == null ? 0 : 2);
      return;
    }
    try {
      DemoDatabase.checkReachable(options.url(), options.user(), options.password());
    } catch (SQLException e) {
      // One line: the user mistyped a host or port, a stack trace would only hide that.
      String reason = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage().lines().findFirst().orElse("");
      System.err.println("demo: cannot reach PostgreSQL at " + DemoDatabase.masked(options.url()) + " as " + options.user()
          + ": " + reason + " (check --url, --user and --password, or leave out --url to let scripts/demo start one)");
      System.exit(2);
      return;
    }
    Outcome outcome = run(options, System.out);
    System.out.println();
    System.out.println(outcome.markdown());
    System.out.println("report: " + outcome.report().toAbsolutePath());
    System.out.println("chart:  " + outcome.chart().toAbsolutePath());
    System.exit(0);
  }

  /** What a demo run leaves behind. */
  record Outcome(List<RunResult> runs, String markdown, Path report, Path chart) {}

  /** Runs the demo as configured; the databases are created on the server of {@code options.url()}. */
  static Outcome run(DemoOptions options, PrintStream console) throws Exception {
    System.setProperty("java.awt.headless", "true");
    List<RunResult> runs = new ArrayList<>();
    String serverVersion = null;
    for (DemoOptions.Mode mode : options.modes()) {
      DemoDatabase database = DemoDatabase.recreate(options.url(), options.user(), options.password(),
          options.databasePrefix() + "_" + mode.id);
      try {
        serverVersion = database.serverVersion();
        console.printf("%n=== %s run on PostgreSQL %s, database %s ===%n", mode.title, serverVersion, database.name());
        runs.add(new DemoRun(mode, options, database, console).run());
      } finally {
        if (options.dropDatabases()) {
          database.drop();
        }
      }
    }
    Files.createDirectories(options.out());
    Path chart = options.out().resolve("latency.png");
    LatencyChart.write(runs, options, chart);
    String markdown = new Report(options, serverVersion, runs).markdown();
    Path report = options.out().resolve("report.md");
    Files.writeString(report, markdown);
    return new Outcome(List.copyOf(runs), markdown, report, chart);
  }
}
