package dev.flywayzdm.internal.backfill;

import dev.flywayzdm.internal.step.StepSettings;
import java.sql.Connection;
import java.time.Duration;

/** What every pass of one backfill run shares: who it is, its connection, bounds, gate, checkpoint and tally. */
record BackfillRun(String migration, StepSettings settings, BatchGate gate, Connection connection, BackfillSpec spec,
    Checkpoint checkpoint, Duration pause, Duration statementTimeout, Tally tally) {}
