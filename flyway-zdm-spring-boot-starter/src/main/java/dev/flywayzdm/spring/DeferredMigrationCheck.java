package dev.flywayzdm.spring;

import dev.flywayzdm.internal.settings.DurationText;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.flywaydb.core.Flyway;
import dev.flywayzdm.internal.logging.ZdmLog;
import org.springframework.beans.factory.DisposableBean;

/**
 * The opt-in background check ({@code flyway.zdm.boot.apply-deferred-every}): after a start-up that
 * deferred a soaking contract, asks every interval whether the gate is open and, once it is, runs the
 * same migration as a start-up would, inside the running application. That migrate holds Flyway's
 * lock like any other, so instances starting at the same time wait for it, not collide. One daemon
 * thread, only while something is deferred; stopped with the application context. A failed run is
 * logged and ends the checks: the next start (or {@code zdm:migrate}) deals with it.
 */
final class DeferredMigrationCheck implements DisposableBean {

  static final String KEY = "flyway.zdm.boot.apply-deferred-every";

  private static final ZdmLog LOG = ZdmLog.of(DeferredMigrationCheck.class);

  private final Optional<Duration> every;
  private ScheduledExecutorService scheduler;

  DeferredMigrationCheck(Optional<Duration> every) {
    this.every = every.filter(interval -> !interval.isZero());
  }

  static DeferredMigrationCheck parse(String text) {
    return new DeferredMigrationCheck(text == null || text.isBlank() ? Optional.empty()
        : Optional.of(DurationText.parse(KEY, text)));
  }

  /** How the WARN of a deferral says the migrations get applied. */
  String describe() {
    return every.map(interval -> "by this application's background check every " + DurationText.format(interval)
        + " (" + KEY + "), by the next start of the application").orElse("by the next start of the application");
  }

  /** Checks {@code flyway}'s deferred migrations every interval, when the check is on. */
  synchronized void watch(Flyway flyway, StartupMigration migration) {
    if (every.isEmpty() || scheduler != null) {
      return;
    }
    scheduler = Executors.newSingleThreadScheduledExecutor(runnable -> {
      Thread thread = new Thread(runnable, "flyway-zdm-deferred-check");
      thread.setDaemon(true);
      return thread;
    });
    long millis = every.get().toMillis();
    scheduler.scheduleWithFixedDelay(() -> check(flyway, migration), millis, millis, TimeUnit.MILLISECONDS);
  }

  private void check(Flyway flyway, StartupMigration migration) {
    try {
      if (migration.stillDeferred(flyway)) {
        LOG.debug("flyway-zdm: the deferred contract still soaks; next check in {}", DurationText.format(every.get()));
        return;
      }
      LOG.info("flyway-zdm: the deferred contract's gate is open: applying the deferred migrations in the running"
          + " application ({})", KEY);
      if (migration.migrateOrDefer(flyway)) {
        return; // a contract further on still soaks: keep checking
      }
      LOG.info("flyway-zdm: the deferred migrations are applied; the background check ends");
    } catch (RuntimeException e) {
      LOG.error("flyway-zdm: the background run of the deferred migrations failed; no further checks: the next start"
          + " of the application, or zdm:migrate, applies them. {}", e.getMessage(), e);
    }
    stop();
  }

  private synchronized void stop() {
    if (scheduler != null) {
      scheduler.shutdown();
    }
  }

  @Override
  public synchronized void destroy() throws InterruptedException {
    if (scheduler != null) {
      scheduler.shutdownNow();
      // A migrate in progress ignores the interrupt; the bound keeps context shutdown from hanging on it.
      if (!scheduler.awaitTermination(30, TimeUnit.SECONDS)) {
        LOG.warn("flyway-zdm: the background run of the deferred migrations is still running at shutdown; not waiting"
            + " for it any longer (30s)");
      }
    }
  }
}
