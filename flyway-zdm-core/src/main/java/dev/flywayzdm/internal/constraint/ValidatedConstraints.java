package dev.flywayzdm.internal.constraint;

import dev.flywayzdm.internal.step.StepContext;
import dev.flywayzdm.internal.pg.ConcurrentIndexBuilder;
import dev.flywayzdm.internal.pg.Identifier;
import dev.flywayzdm.internal.pg.IndexDefinition;
import dev.flywayzdm.internal.pg.IndexKey;
import dev.flywayzdm.internal.pg.QualifiedName;
import dev.flywayzdm.internal.pg.TableCatalog;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;

/** Adds one {@link ConstraintSpec} the way that never scans a table under a lock that blocks writes. */
public final class ValidatedConstraints {

  private final StepContext ddl;
  private final IndexBuild indexes;

  public ValidatedConstraints(StepContext ddl) {
    this.ddl = ddl;
    ConcurrentIndexBuilder builder = ddl.indexBuilder();
    this.indexes = (table, name, columns, unique) -> {
      ddl.info("building {}index {} on {} ({}) concurrently ...", unique ? "unique " : "", name, table, columns);
      builder.create(ddl.connection(), new IndexDefinition(name, table, unique, Optional.empty(),
          columns.stream().map(c -> IndexKey.column(c.name())).toList(), List.of(), Optional.empty()));
    };
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
      // Before the supporting index is built: a wrong name must leave nothing behind.
      requireColumns(fk.table(), fk.columns(), "foreign key " + fk.name());
      requireColumns(fk.referenced(), fk.referencedColumns(), "foreign key " + fk.name() + ": referenced");
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

  private void requireColumns(QualifiedName table, List<Identifier> columns, String what) throws SQLException {
    TableCatalog.requireTable(ddl.connection(), table, ddl.name() + ": " + what);
    List<TableCatalog.Column> existing = TableCatalog.columns(ddl.connection(), table);
    for (Identifier column : columns) {
      if (existing.stream().noneMatch(c -> c.name().equals(column))) {
        throw new IllegalStateException(ddl.name() + ": " + what + " table " + table + " has no column " + column
            + "; nothing was changed");
      }
    }
  }
}
