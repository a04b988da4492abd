package dev.flywayzdm.internal.constraint;

import dev.flywayzdm.migration.MigrationRun;
import java.sql.SQLException;
import java.util.Optional;

/** Adds one {@link ConstraintSpec} the way that never scans a table under a lock that blocks writes. */
public final class ValidatedConstraints {

  private final MigrationRun ddl;
  private final IndexBuild indexes;

  public ValidatedConstraints(MigrationRun ddl, IndexBuild indexes) {
    this.ddl = ddl;
    this.indexes = indexes;
  }

  /** Whether applying {@code spec} builds an index concurrently (and so needs Flyway's session lock). */
  public static boolean buildsIndexes(ConstraintSpec spec) {
    return spec instanceof ConstraintSpec.UniqueKey
        || spec instanceof ConstraintSpec.ForeignKey fk && fk.supportingIndex();
  }

  public void apply(ConstraintSpec spec) throws SQLException {
    if (spec instanceof ConstraintSpec.Check check) {
      new NotValidConstraint(ddl).apply(check.table(), check.name(), 'c', NotValidConstraint.check(check),
          "check " + check.name() + " on " + check.table(),
          () -> "NOT (" + ConstraintCatalog.checkExpression(ddl.connection(), check.table(), check.name()) + ")");
    } else if (spec instanceof ConstraintSpec.ForeignKey fk) {
      if (fk.supportingIndex()) {
        Optional<String> index = ConstraintCatalog.indexLeadingWith(ddl.connection(), fk.table(), fk.columns());
        if (index.isPresent()) {
          ddl.info("index \"{}\" already leads with {}: no supporting index needed", index.get(),
              ConstraintSpec.columnList(fk.columns()));
        } else {
          indexes.build(fk.table(), fk.indexName(), fk.columns(), false);
        }
      }
      new NotValidConstraint(ddl).apply(fk.table(), fk.name(), 'f', NotValidConstraint.foreignKey(fk),
          "foreign key " + fk.name() + " on " + fk.table() + " -> " + fk.referenced(), () -> NotValidConstraint.orphans(fk));
    } else if (spec instanceof ConstraintSpec.NotNull notNull) {
      new NotNullSequence(ddl).apply(notNull);
    } else if (spec instanceof ConstraintSpec.UniqueKey key) {
      new UniqueUsingIndex(ddl, indexes).apply(key);
    }
  }
}
