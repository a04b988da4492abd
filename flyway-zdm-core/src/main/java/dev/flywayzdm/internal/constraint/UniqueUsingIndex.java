package dev.flywayzdm.internal.constraint;

import dev.flywayzdm.internal.step.StepContext;
import dev.flywayzdm.internal.pg.TableCatalog;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Optional;

/**
 * UNIQUE or PRIMARY KEY on a busy table: a unique index built concurrently under the constraint's
 * name, then {@code ADD CONSTRAINT name UNIQUE|PRIMARY KEY USING INDEX name}, a catalog-only
 * change in a short transaction. A primary key first makes each column NOT NULL the safe way, so
 * that the ADD does not scan the table under ACCESS EXCLUSIVE.
 */
final class UniqueUsingIndex {

  private final StepContext ddl;
  private final IndexBuild indexes;

  UniqueUsingIndex(StepContext ddl, IndexBuild indexes) {
    this.ddl = ddl;
    this.indexes = indexes;
  }

  void apply(ConstraintSpec.UniqueKey spec) throws SQLException {
    TableCatalog.requireTable(ddl.connection(), spec.table(), ddl.name());
    char type = spec.primaryKey() ? 'p' : 'u';
    String description = spec.kind() + " " + spec.name() + " (" + ConstraintSpec.columnList(spec.columns()) + ") on " + spec.table();
    Optional<ConstraintCatalog.Existing> existing = ConstraintCatalog.find(ddl.connection(), spec.table(), spec.name());
    if (existing.isPresent()) {
      if (existing.get().type() != type) {
        throw new IllegalStateException(ddl.name() + ": constraint " + spec.name() + " on " + spec.table()
            + " already exists as " + existing.get().typeName() + " " + existing.get().definition() + "; choose another name");
      }
      ddl.info("{} exists: nothing to do", description);
      return;
    }
    if (spec.primaryKey()) {
      for (var column : spec.columns()) {
        new NotNullSequence(ddl).apply(new ConstraintSpec.NotNull(spec.table(), column));
      }
    }
    indexes.build(spec.table(), spec.name(), spec.columns(), true);
    String what = "adding " + description + " USING INDEX " + spec.name();
    ddl.info("{} ...", what);
    ddl.transaction(what, spec.table().quoted(), tx -> {
      if (ConstraintCatalog.find(tx, spec.table(), spec.name()).isEmpty()) {
        try (Statement statement = tx.createStatement()) {
          statement.execute("ALTER TABLE " + spec.table().quoted() + " ADD CONSTRAINT " + spec.name().quoted() + " "
              + spec.kind() + " USING INDEX " + spec.name().quoted());
        }
      }
      return null;
    });
  }
}
