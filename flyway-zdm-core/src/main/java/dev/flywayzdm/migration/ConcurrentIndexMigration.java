package dev.flywayzdm.migration;

import dev.flywayzdm.internal.pg.ConcurrentIndexBuilder;
import dev.flywayzdm.internal.pg.IndexDefinition;

/**
 * Creates, drops or rebuilds an index without blocking writes, as a Flyway Java migration:
 *
 * <pre>{@code
 * package db.migration;
 *
 * public class V7__index_orders_created_at extends ConcurrentIndexMigration {
 *   @Override
 *   protected ConcurrentIndex index() {
 *     return ConcurrentIndex.create("idx_orders_created_at").on("orders").columns("created_at");
 *   }
 * }
 * }</pre>
 *
 * <ul>
 *   <li>Idempotent: a valid index of that name is left alone; an INVALID one (from a failed or
 *       killed build) is dropped concurrently and built again.</li>
 *   <li>A failed build (duplicate keys for a unique index, cancel, wait bound reached) drops the
 *       invalid index it left and says why; for duplicates it shows one duplicate key.</li>
 *   <li>Progress ({@code pg_stat_progress_create_index}) and the sessions the build waits for are
 *       logged every few seconds. The build's waits for older transactions block no one and are
 *       bounded by {@code flyway.zdm.lockRetryMaxTotal}.</li>
 *   <li>Partitioned tables: the index is created {@code ON ONLY} the parent, built concurrently on
 *       each partition and attached, so the parent index ends valid.</li>
 *   <li>The table is analyzed afterwards unless {@link ConcurrentIndex#analyze(boolean)} says no.</li>
 * </ul>
 *
 * Requires {@code flyway.postgresql.transactional.lock=false}: with Flyway's default
 * transactional lock the build would wait for Flyway's own transaction forever, so the migration
 * fails at once with the fix instead.
 */
public abstract class ConcurrentIndexMigration extends ZeroDowntimeMigration {

  /** The index change; called before the run starts (to check it) and once when it runs. */
  protected abstract ConcurrentIndex index();

  @Override
  final void checkDescription(String name) {
    ConcurrentIndex change = index();
    if (change == null) {
      throw new IllegalStateException(name + ": index() returned null");
    }
    if (change.kind() == ConcurrentIndex.Kind.CREATE) {
      change.definition(name);
    }
  }

  @Override
  protected final void apply(MigrationRun run) throws Exception {
    ConcurrentIndex change = index();
    if (change == null) {
      throw new IllegalStateException(run.name() + ": index() returned null");
    }
    IndexDefinition definition = change.kind() == ConcurrentIndex.Kind.CREATE ? change.definition(run.name()) : null;
    run.requireFlywaySessionLock();
    ConcurrentIndexBuilder builder = run.step().indexBuilder();
    switch (change.kind()) {
      case CREATE -> {
        builder.create(run.connection(), definition);
        // Also when a rerun finds the index already valid: the run that built it may have died before its ANALYZE.
        if (change.analyze()) {
          builder.analyze(run.connection(), definition.table());
        }
      }
      case DROP -> builder.drop(run.connection(), change.target());
      case REINDEX -> builder.reindex(run.connection(), change.target());
    }
  }
}
