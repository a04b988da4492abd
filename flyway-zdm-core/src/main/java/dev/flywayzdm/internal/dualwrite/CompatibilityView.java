package dev.flywayzdm.internal.dualwrite;

import dev.flywayzdm.internal.pg.TableCatalog;
import java.util.List;
import java.util.StringJoiner;

/**
 * A view with the table's columns as the old application version knows them: the new column
 * shown under the old column's name, at the old column's place, and the old column itself left
 * out. It is a simple view, so PostgreSQL makes it updatable: an old application pointed at it
 * keeps reading and writing after the contract step has dropped the old column.
 */
final class CompatibilityView {

  private CompatibilityView() {}

  static String create(DualWriteSpec spec, List<TableCatalog.Column> columns) {
    StringJoiner select = new StringJoiner(", ");
    for (TableCatalog.Column column : columns) {
      if (column.name().equals(spec.oldColumn())) {
        select.add(spec.newColumn().quoted() + " AS " + spec.oldColumn().quoted());
      } else if (!column.name().equals(spec.newColumn())) {
        select.add(column.name().quoted());
      }
    }
    return "CREATE OR REPLACE VIEW " + spec.compatibilityView().orElseThrow().quoted() + " AS SELECT " + select
        + " FROM " + spec.table().quoted();
  }

  static String drop(DualWriteSpec spec) {
    return "DROP VIEW IF EXISTS " + spec.compatibilityView().orElseThrow().quoted();
  }
}
