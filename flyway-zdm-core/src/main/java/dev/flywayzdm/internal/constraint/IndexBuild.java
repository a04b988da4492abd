package dev.flywayzdm.internal.constraint;

import dev.flywayzdm.internal.pg.Identifier;
import dev.flywayzdm.internal.pg.QualifiedName;
import java.sql.SQLException;
import java.util.List;

/** Builds a plain b-tree index concurrently and idempotently (a valid index of the name is kept). */
@FunctionalInterface
interface IndexBuild {
  void build(QualifiedName table, Identifier name, List<Identifier> columns, boolean unique) throws SQLException;
}
