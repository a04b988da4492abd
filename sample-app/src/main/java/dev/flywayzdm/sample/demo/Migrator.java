package dev.flywayzdm.sample.demo;

/** Applies the demo's migrations up to a version: through flyway-zdm, or naively. */
interface Migrator {

  /** Migrates to {@code version} (Flyway target); throws what Flyway threw. */
  void migrateTo(String version);

  /** Lock retries reported so far; the difference across a step is that step's retries. */
  long retriesSoFar();
}
