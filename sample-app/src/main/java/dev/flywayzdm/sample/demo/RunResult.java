package dev.flywayzdm.sample.demo;

import java.util.List;
import java.util.Map;

/**
 * One run of the demo: the steps it applied and every application operation meanwhile.
 *
 * @param trafficStartNanos time zero of the chart
 * @param reportStartNanos / reportEndNanos the reporting transaction, 0 when there was none
 * @param lintFindings what flyway-zdm's linter says about the run's SQL migrations
 */
record RunResult(
    DemoOptions.Mode mode,
    String database,
    long trafficStartNanos,
    long trafficEndNanos,
    long loadNanos,
    List<PhaseResult> phases,
    List<Op> ops,
    Map<String, Long> errors,
    long reportStartNanos,
    long reportEndNanos,
    List<String> lintFindings) {

  /**
   * The calls made while the step ran: those that started during it, each counted once (a call
   * that waited across two steps belongs to the one it started in).
   */
  LatencyStats during(PhaseResult phase) {
    return LatencyStats.of(ops.stream().filter(op -> op.startedWithin(phase.startNanos(), phase.endNanos())).toList());
  }

  LatencyStats overall() {
    return LatencyStats.of(ops);
  }

  long failedOps() {
    return ops.stream().filter(op -> !op.ok()).count();
  }

  long longestWaitNanos() {
    return ops.stream().mapToLong(Op::latencyNanos).max().orElse(0);
  }

  /** The applied result of a step, when the run applied it. */
  PhaseResult applied(Step step) {
    return phases.stream()
        .filter(p -> p.step().equals(step) && p.outcome() == PhaseResult.Outcome.APPLIED)
        .findFirst().orElse(null);
  }

  PhaseResult refused(Step step) {
    return phases.stream()
        .filter(p -> p.step().equals(step) && p.outcome() == PhaseResult.Outcome.REFUSED)
        .findFirst().orElse(null);
  }
}
