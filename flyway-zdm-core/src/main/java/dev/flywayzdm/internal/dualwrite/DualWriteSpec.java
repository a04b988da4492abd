package dev.flywayzdm.internal.dualwrite;

import dev.flywayzdm.internal.pg.DerivedName;
import dev.flywayzdm.internal.pg.Identifier;
import dev.flywayzdm.internal.pg.QualifiedName;
import java.util.Objects;
import java.util.Optional;

/**
 * One dual write, validated: the table, the old and the new column, the new column's type (empty:
 * the old column's type), the conversions each way as templates over {@code {old}} and {@code {new}},
 * and an optional compatibility view that shows the new column under the old name.
 */
public record DualWriteSpec(
    QualifiedName table,
    Identifier oldColumn,
    Identifier newColumn,
    Optional<String> newType,
    String oldToNew,
    String newToOld,
    Optional<QualifiedName> compatibilityView) {

  /** Placeholder for the old column's value in a conversion. */
  public static final String OLD = "{old}";
  /** Placeholder for the new column's value in a conversion. */
  public static final String NEW = "{new}";

  public DualWriteSpec {
    Objects.requireNonNull(table, "table");
    Objects.requireNonNull(oldColumn, "oldColumn");
    Objects.requireNonNull(newColumn, "newColumn");
    if (oldColumn.equals(newColumn)) {
      throw new IllegalArgumentException("dual write on " + table + ": old and new column are both " + oldColumn);
    }
    Objects.requireNonNull(newType, "newType");
    Objects.requireNonNull(oldToNew, "oldToNew");
    Objects.requireNonNull(newToOld, "newToOld");
    Objects.requireNonNull(compatibilityView, "compatibilityView");
  }

  /** The trigger, named after table and columns; per table, like every trigger. */
  public Identifier triggerName() {
    return DerivedName.of("zdm_dw", table.simpleName(), oldColumn.name(), newColumn.name());
  }

  /** The trigger function, in the table's schema (function names are per schema, hence the table in the name). */
  public QualifiedName functionName() {
    return new QualifiedName(table.schema(), triggerName());
  }

  /** {@code oldToNew} with {@code {old}} replaced by {@code row."old"}. */
  public String oldToNew(String row) {
    return oldToNew.replace(OLD, row + "." + oldColumn.quoted()).replace(NEW, row + "." + newColumn.quoted());
  }

  /** {@code newToOld} with {@code {new}} replaced by {@code row."new"}. */
  public String newToOld(String row) {
    return newToOld.replace(OLD, row + "." + oldColumn.quoted()).replace(NEW, row + "." + newColumn.quoted());
  }

  /** Every field, as text: what the expand records beside its trigger and the contract compares with its own. */
  public String fingerprint() {
    return "table " + table + ", " + oldColumn + " -> " + newColumn + newType.map(t -> " " + t).orElse("")
        + ", old to new " + oldToNew + ", new to old " + newToOld + compatibilityView.map(v -> ", view " + v).orElse("");
  }

  public String describe() {
    return table + "." + oldColumn + " -> " + newColumn;
  }
}
