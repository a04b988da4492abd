package dev.flywayzdm.callback.rerun;

import dev.flywayzdm.migration.ValidatedConstraint;
import dev.flywayzdm.migration.ValidatedConstraintMigration;
import java.util.function.Supplier;

/** A constraint whose definition the test chooses. */
public final class V1__constraint extends ValidatedConstraintMigration {
  private final Supplier<ValidatedConstraint> constraint;

  public V1__constraint(Supplier<ValidatedConstraint> constraint) {
    this.constraint = constraint;
  }

  @Override
  protected ValidatedConstraint constraint() {
    return constraint.get();
  }
}
