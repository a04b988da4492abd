package dev.flywayzdm.internal.backfill.throttle;

import dev.flywayzdm.internal.backfill.BatchGate;
import dev.flywayzdm.internal.pg.QualifiedName;
import dev.flywayzdm.internal.pg.SideConnection;
import dev.flywayzdm.internal.settings.DurationText;
import dev.flywayzdm.internal.settings.SettingKey;
import dev.flywayzdm.internal.step.StepContext;
import dev.flywayzdm.internal.step.ThrottleSettings;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;
import dev.flywayzdm.internal.logging.ZdmLog;

/**
 * The gate of a backfill: before every batch it reads the operator's orders ({@link OperatorControl})
 * and asks every {@link Hold} (replica lag, throttle query); while any holds, or an operator paused
 * it, it waits, polling every {@link #POLL} and logging who it waits for every {@link #LOG_EVERY}, for
 * at most {@code flyway.zdm.backfillMaxWait}, then gives up with an error that says the checkpoint
 * keeps the progress. Thread-safe: parallel workers of one backfill may share it.
 *
 * <pre>{@code
 * try (ThrottledGate gate = ThrottledGate.forStep(step)) {
 *   new BackfillRunner(step, gate).run(step.connection(), spec);
 * }
 * }</pre>
 */
public final class ThrottledGate implements BatchGate, AutoCloseable {

  private static final ZdmLog LOG = ZdmLog.of(ThrottledGate.class);
  /** How often a waiting backfill looks again: an operator's command is seen within this. */
  static final Duration POLL = Duration.ofMillis(200);
  static final Duration LOG_EVERY = Duration.ofSeconds(5);

  private final String migration;
  private final OperatorControl control;
  private final List<Hold> holds;
  private final Duration maxWait;
  private final List<AutoCloseable> owned = new ArrayList<>();
  private boolean started;

  ThrottledGate(String migration, OperatorControl control, List<Hold> holds, Duration maxWait) {
    this.migration = migration;
    this.control = control;
    this.holds = List.copyOf(holds);
    this.maxWait = maxWait;
    for (Hold hold : holds) {
      if (hold instanceof AutoCloseable closeable) {
        owned.add(closeable);
      }
    }
  }

  /** The gate of a migration step: its connection for the control table and the lag, side connections for the throttle query. */
  public static ThrottledGate forStep(StepContext step) {
    return of(step.name(), step.connection(), step.settings().throttle(), step.checkpointTable(),
        step.settings().locks().lockTimeout(), step.sideConnection());
  }

  /**
   * The gate of one backfill.
   *
   * @param connection the backfill's own connection, used between its batches (autocommit)
   * @param lockTimeout bound on writing the backfill's state into the control row
   */
  public static ThrottledGate of(String migration, Connection connection, ThrottleSettings settings,
      QualifiedName checkpointTable, Duration lockTimeout, SideConnection sideConnections) {
    List<Hold> holds = new ArrayList<>();
    if (settings.checksReplicaLag()) {
      holds.add(new ReplicaLag(migration, connection, settings.maxReplicaLag(), settings.maxReplicaLagBytes()));
    }
    settings.throttleQuery().ifPresent(sql -> holds.add(new ThrottleQuery(migration, sql, sideConnections)));
    return new ThrottledGate(migration, new OperatorControl(migration, connection, checkpointTable, lockTimeout), holds,
        settings.maxWait());
  }

  @Override
  public synchronized OptionalInt beforeBatch(NextBatch batch) throws SQLException, InterruptedException {
    boolean first = !started;
    if (first) {
      control.ensureRow();
      started = true;
    }
    long start = System.nanoTime();
    long heldSince = -1;
    long lastLog = start;
    boolean logged = false;
    List<String> reasons = List.of();
    while (true) {
      OperatorControl.Orders orders = control.read();
      if (orders.command() == OperatorControl.Command.ABORT) {
        control.abortTaken("aborted by an operator after " + batch.rowsDone() + " rows");
        throw new IllegalStateException(migration + ": backfill aborted by an operator (command 'abort' in "
            + control.table() + ") after " + batch.rowsDone() + " rows in " + batch.batchesDone() + " batches; the"
            + " command is back to 'run' and the checkpoint keeps the progress: the next migrate continues from it");
      }
      long now = System.nanoTime();
      // The operator's pause between batches is waited out here, before the batch, polling like any other wait.
      boolean pausing = !first && now - start < orders.batchPause().toNanos();
      List<String> current = orders.command() == OperatorControl.Command.PAUSE
          ? new ArrayList<>(List.of("paused by an operator (command 'pause' in " + control.table() + "; 'run' resumes)"))
          : new ArrayList<>();
      for (Hold hold : holds) {
        hold.reason().ifPresent(current::add);
      }
      if (current.isEmpty() && !pausing) {
        if (heldSince >= 0) {
          LOG.info("{}: resuming the backfill after waiting {} for: {}", migration,
              DurationText.format(Duration.ofMillis((now - heldSince) / 1_000_000)), String.join("; ", reasons));
        }
        control.state("running");
        return orders.batchSize();
      }
      if (!current.isEmpty()) {
        reasons = current;
        if (heldSince < 0) {
          heldSince = now;
        }
        Duration waited = Duration.ofNanos(now - heldSince);
        if (waited.compareTo(maxWait) > 0) {
          control.state("gave up waiting for: " + String.join("; ", reasons));
          throw new IllegalStateException(migration + ": the backfill waited " + DurationText.format(maxWait) + " ("
              + SettingKey.BACKFILL_MAX_WAIT.qualified() + ") before its next batch and gave up; still waiting for: "
              + String.join("; ", reasons) + ". The checkpoint keeps the progress (" + batch.rowsDone() + " rows in "
              + batch.batchesDone() + " batches): the next migrate continues from it");
        }
        if (!logged || now - lastLog >= LOG_EVERY.toNanos()) {
          LOG.warn("{}: the backfill waits before its next batch ({} rows done, waited {} of at most {}) for: {}", migration,
              batch.rowsDone(), DurationText.format(Duration.ofMillis(waited.toMillis())), DurationText.format(maxWait),
              String.join("; ", reasons));
          control.state("waiting for: " + String.join("; ", reasons));
          lastLog = now;
          logged = true;
        }
      }
      // A short operator pause is slept exactly; anything longer is re-checked every POLL.
      long pauseLeft = orders.batchPause().toNanos() - (now - start);
      long sleep = current.isEmpty() && pauseLeft > 0 ? Math.min(POLL.toNanos(), pauseLeft) : POLL.toNanos();
      Thread.sleep(Math.max(1, sleep / 1_000_000));
    }
  }

  /** Closes the throttle query's connection. */
  @Override
  public void close() {
    for (AutoCloseable closeable : owned) {
      try {
        closeable.close();
      } catch (Exception e) {
        LOG.debug("{}: closing {}: {}", migration, closeable, e.getMessage());
      }
    }
  }

  @Override
  public String toString() {
    return "ThrottledGate[" + migration + ", " + holds.size() + " holds, at most " + DurationText.format(maxWait) + "]";
  }
}
