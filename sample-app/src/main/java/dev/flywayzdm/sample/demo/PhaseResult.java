package dev.flywayzdm.sample.demo;

/**
 * What happened when a run applied one step.
 *
 * @param retries lock retries flyway-zdm reported while the step ran (always 0 for the naive run)
 * @param detail the refusal or failure message; empty when applied
 */
record PhaseResult(Step step, Outcome outcome, long startNanos, long endNanos, long retries, String detail) {

  enum Outcome {
    APPLIED,
    REFUSED,
    FAILED
  }

  long durationNanos() {
    return endNanos - startNanos;
  }
}
