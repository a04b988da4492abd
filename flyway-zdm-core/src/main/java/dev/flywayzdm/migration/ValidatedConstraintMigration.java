package dev.flywayzdm.migration;

import dev.flywayzdm.internal.constraint.ValidatedConstraints;

/**
 * Adds a constraint to a busy table without blocking its writers: CHECK and FOREIGN KEY are added
 * {@code NOT VALID} in a short transaction under lock_timeout with retry and then validated in a
 * separate one (SHARE UPDATE EXCLUSIVE: reads and writes go on during the scan); NOT NULL goes
 * through a validated helper check; UNIQUE and PRIMARY KEY are built as a unique index concurrently
 * and attached with {@code USING INDEX}.
 *
 * <pre>{@code
 * public class V7__orders_amount_positive extends ValidatedConstraintMigration {
 *   @Override
 *   protected ValidatedConstraint constraint() {
 *     return ValidatedConstraint.check("orders", "orders_amount_positive", "amount > 0");
 *   }
 * }
 * }</pre>
 *
 * A rerun leaves a valid constraint alone, only validates one left NOT VALID, and continues a NOT
 * NULL sequence where it stopped. When existing rows violate the constraint, the NOT VALID
 * constraint stays (new writes are checked already) and the migration fails saying how many rows
 * and which keys; fix them and run it again. Foreign keys, unique keys and primary keys build an
 * index concurrently and need {@code flyway.postgresql.transactional.lock=false}.
 */
public abstract class ValidatedConstraintMigration extends ZeroDowntimeMigration {

  /** The constraint to add. */
  protected abstract ValidatedConstraint constraint();

  @Override
  final void checkDescription(String name) {
    ValidatedConstraint constraint = constraint();
    if (constraint == null) {
      throw new IllegalStateException(name + ": constraint() returned null");
    }
    constraint.spec();
  }

  @Override
  protected final void apply(MigrationRun run) throws Exception {
    ValidatedConstraint constraint = constraint();
    if (constraint == null) {
      throw new IllegalStateException(run.name() + ": constraint() returned null");
    }
    if (ValidatedConstraints.buildsIndexes(constraint.spec())) {
      run.requireFlywaySessionLock();
    }
    new ValidatedConstraints(run.step()).apply(constraint.spec());
  }
}
