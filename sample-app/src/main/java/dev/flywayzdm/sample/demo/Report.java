package dev.flywayzdm.sample.demo;

import java.util.List;
import java.util.Map;

/** The demo's findings as Markdown: side by side first, then each run step by step. */
final class Report {

  private final DemoOptions options;
  private final String serverVersion;
  private final List<RunResult> runs;

  Report(DemoOptions options, String serverVersion, List<RunResult> runs) {
    this.options = options;
    this.serverVersion = serverVersion;
    this.runs = runs;
  }

  String markdown() {
    StringBuilder md = new StringBuilder();
    md.append("# flyway-zdm demo: schema changes under live traffic\n\n");
    md.append(String.format("PostgreSQL %s, %,d users and %,d orders, %d application threads at %d calls/s each "
            + "(reads, inserts, updates through the service's repositories). ", serverVersion, options.rows(),
        options.rows(), options.trafficThreads(), options.opsPerSecond()));
    if (!options.blocker().isZero()) {
      md.append(String.format("During V2 a reporting transaction holds a lock on `users` for %s. ",
          Durations.of(options.blocker())));
    }
    md.append(String.format("flyway-zdm: lock_timeout %s, lock attempts of %s, soak %s. ", Durations.of(options.lockTimeout()),
        Durations.of(options.lockAttemptTimeout()), Durations.of(options.soak())));
    md.append("The application has no statement_timeout: a stall shows as a long wait. A call counts for the "
        + "migration during which it started.\n\n");
    md.append("![application latency over time](latency.png)\n\n");
    if (mainRuns().size() > 1) {
      sideBySide(md);
    }
    beforeAndAfter(md);
    for (RunResult run : runs) {
      perStep(md, run);
    }
    return md.toString();
  }

  /** The runs of the side-by-side table: the "before" run ran only the first steps and has its own section. */
  private List<RunResult> mainRuns() {
    return runs.stream().filter(run -> run.mode() != DemoOptions.Mode.ZDM_BEFORE).toList();
  }

  private RunResult run(DemoOptions.Mode mode) {
    return runs.stream().filter(run -> run.mode() == mode).findFirst().orElse(null);
  }

  /**
   * The application's longest wait while a held lock is in a migration's way: flyway-zdm without
   * short lock attempts (each try of the statement queues for a whole lock_timeout) and with them.
   */
  private void beforeAndAfter(StringBuilder md) {
    RunResult before = run(DemoOptions.Mode.ZDM_BEFORE);
    RunResult after = run(DemoOptions.Mode.ZDM);
    if (before == null || after == null) {
      return;
    }
    md.append("## Behind a held lock: before and after short lock attempts\n\n");
    md.append(String.format("Before: `flyway.zdm.lockAttemptTimeout=0`, each try of the statement queues the application"
        + " behind it for up to lock_timeout (%s). After: the callback takes the statement's lock first in attempts of %s"
        + " (the default), the blocker named on each. Target: the application waits at most 300 ms.%n%n",
        Durations.of(options.lockTimeout()), Durations.of(options.lockAttemptTimeout())));
    md.append("| schema change | before: took | tries | longest app wait | after: took | attempts retried | longest app wait |\n");
    md.append("|---|---:|---:|---:|---:|---:|---:|\n");
    for (PhaseResult phase : before.phases()) {
      PhaseResult later = after.applied(phase.step());
      if (phase.outcome() != PhaseResult.Outcome.APPLIED || later == null) {
        continue;
      }
      md.append("| ").append(phase.step().label()).append(" | ").append(Durations.millis(phase.durationNanos()))
          .append(" | ").append(phase.retries()).append(" | **").append(Durations.millis(before.during(phase).maxNanos()))
          .append("** | ").append(Durations.millis(later.durationNanos())).append(" | ").append(later.retries())
          .append(" | **").append(Durations.millis(after.during(later).maxNanos())).append("** |\n");
    }
    md.append(String.format("%nLongest application call over the whole flyway-zdm run (every step): %s.%n%n",
        Durations.millis(after.longestWaitNanos())));
  }

  private void sideBySide(StringBuilder md) {
    List<RunResult> runs = mainRuns();
    md.append("## Side by side\n\n");
    md.append("| schema change |");
    for (RunResult run : runs) {
      md.append(' ').append(run.mode().title).append(": took | failed ops | longest wait |");
    }
    md.append('\n').append("|---|");
    md.append("---:|---:|---:|".repeat(runs.size())).append('\n');
    for (Step step : Step.PLAN) {
      md.append("| ").append(step.label()).append(" |");
      for (RunResult run : runs) {
        PhaseResult phase = run.applied(step);
        if (phase == null) {
          md.append(" not applied | | |");
          continue;
        }
        LatencyStats stats = run.during(phase);
        md.append(' ').append(Durations.millis(phase.durationNanos())).append(" | ").append(stats.failed())
            .append(" | ").append(Durations.millis(stats.maxNanos())).append(" |");
      }
      md.append('\n');
    }
    md.append("| linter findings on the SQL migrations |");
    for (RunResult run : runs) {
      md.append(' ').append(run.lintFindings().size()).append(" findings | | |");
    }
    md.append('\n');
    md.append("| **whole run** |");
    for (RunResult run : runs) {
      md.append(" | **").append(run.failedOps()).append("** | **").append(Durations.millis(run.longestWaitNanos()))
          .append("** |");
    }
    md.append("\n\n");
  }

  private void perStep(StringBuilder md, RunResult run) {
    LatencyStats all = run.overall();
    md.append("## ").append(run.mode().title).append(" (database `").append(run.database()).append("`)\n\n");
    md.append(String.format("Data loaded in %s. Application: %,d calls, %,d failed, p50 %s, p99 %s, slowest %s.%n%n",
        Durations.millis(run.loadNanos()), all.total(), all.failed(), Durations.millis(all.p50Nanos()),
        Durations.millis(all.p99Nanos()), Durations.millis(all.maxNanos())));
    md.append("| migration | outcome | took | lock retries | app calls ok | failed | p50 | p99 | max |\n");
    md.append("|---|---|---:|---:|---:|---:|---:|---:|---:|\n");
    for (PhaseResult phase : run.phases()) {
      LatencyStats stats = run.during(phase);
      md.append("| ").append(phase.step().label()).append(" | ").append(outcome(phase)).append(" | ")
          .append(Durations.millis(phase.durationNanos())).append(" | ").append(phase.retries()).append(" | ")
          .append(String.format("%,d", stats.ok())).append(" | ").append(stats.failed()).append(" | ")
          .append(Durations.millis(stats.p50Nanos())).append(" | ").append(Durations.millis(stats.p99Nanos()))
          .append(" | ").append(Durations.millis(stats.maxNanos())).append(" |\n");
    }
    md.append('\n');
    for (PhaseResult phase : run.phases()) {
      if (phase.outcome() == PhaseResult.Outcome.REFUSED) {
        md.append("- ").append(phase.step().label()).append(" refused: `").append(phase.detail().replace('`', '\''))
            .append("`\n");
      }
    }
    if (!run.lintFindings().isEmpty()) {
      md.append("\nflyway-zdm's linter on this run's SQL migrations (V1 taken as applied):\n\n");
      run.lintFindings().forEach(finding -> md.append("- `").append(finding.replace('`', '\'')).append("`\n"));
    }
    Map<String, Long> errors = run.errors();
    if (!errors.isEmpty()) {
      md.append("\nErrors the application saw:\n\n");
      errors.forEach((message, count) -> md.append("- ").append(count).append(" x `").append(message.replace('`', '\''))
          .append("`\n"));
    }
    md.append('\n');
  }

  private static String outcome(PhaseResult phase) {
    return switch (phase.outcome()) {
      case APPLIED -> "applied";
      case REFUSED -> "refused (soak)";
      case FAILED -> "failed";
    };
  }
}
