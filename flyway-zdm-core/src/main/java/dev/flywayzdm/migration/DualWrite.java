package dev.flywayzdm.migration;

import dev.flywayzdm.internal.dualwrite.DualWriteSpec;
import dev.flywayzdm.internal.pg.Identifier;
import dev.flywayzdm.internal.pg.QualifiedName;
import dev.flywayzdm.internal.pg.UserSql;
import java.util.Objects;
import java.util.Optional;

/**
 * A column rename or type change done in two deployments: which table, which old column, which new
 * one, how values convert each way. One description, shared by the expand migration
 * ({@link DualWriteExpandMigration}) and its contract ({@link DualWriteContractMigration}); every
 * method validates its argument at once and returns a new, immutable description.
 *
 * <pre>{@code
 * // rename, same type:
 * DualWrite.table("users").from("name").to("display_name")
 * // type change with conversions each way ({old} and {new} stand for the row's values):
 * DualWrite.table("orders").from("amount_dollars").to("amount_cents").type("bigint")
 *     .convert("round({old} * 100)::bigint", "{new} / 100.0")
 * // rename, plus a view that shows the table with the old column name for old code:
 * DualWrite.table("users").from("name").to("display_name").compatibilityView("users_v1")
 * }</pre>
 *
 * Table, column and view names are taken literally (not case-folded) and always quoted; a table may
 * be schema-qualified ({@code "sales.orders"}). The type and the conversions are SQL written by you:
 * each must be one expression (no {@code ;}, balanced parentheses and quotes).
 */
public final class DualWrite {

  private final DualWriteSpec spec;

  private DualWrite(DualWriteSpec spec) {
    this.spec = spec;
  }

  /** Starts a description: the table, optionally {@code schema.table}. */
  public static Table table(String table) {
    return new Table(QualifiedName.parse("dual-write table", table));
  }

  /** The first step: the table is known, the old column is next. */
  public static final class Table {
    private final QualifiedName table;

    private Table(QualifiedName table) {
      this.table = table;
    }

    /** The column the running application writes today. */
    public From from(String oldColumn) {
      return new From(table, Identifier.of("old column", oldColumn));
    }
  }

  /** The second step: the new column is next. */
  public static final class From {
    private final QualifiedName table;
    private final Identifier oldColumn;

    private From(QualifiedName table, Identifier oldColumn) {
      this.table = table;
      this.oldColumn = oldColumn;
    }

    /** The column that replaces it; created nullable by the expand step, with the old column's type unless {@link DualWrite#type} says otherwise. */
    public DualWrite to(String newColumn) {
      return new DualWrite(new DualWriteSpec(table, oldColumn, Identifier.of("new column", newColumn),
          Optional.empty(), DualWriteSpec.OLD, DualWriteSpec.NEW, Optional.empty()));
    }
  }

  /** The new column's type, e.g. {@code bigint} or {@code numeric(12,2)}; default: the old column's type. */
  public DualWrite type(String sqlType) {
    String type = UserSql.fragment("type of new column " + spec.newColumn(), sqlType);
    return new DualWrite(new DualWriteSpec(spec.table(), spec.oldColumn(), spec.newColumn(), Optional.of(type),
        spec.oldToNew(), spec.newToOld(), spec.compatibilityView()));
  }

  /**
   * How values convert: {@code oldToNew} computes the new column from {@code {old}},
   * {@code newToOld} the old column from {@code {new}}. Default: the value as is (an assignment
   * cast). The old-to-new direction is also what the contract step checks every row against.
   */
  public DualWrite convert(String oldToNew, String newToOld) {
    String toNew = conversion("old-to-new conversion", oldToNew, DualWriteSpec.OLD);
    String toOld = conversion("new-to-old conversion", newToOld, DualWriteSpec.NEW);
    return new DualWrite(new DualWriteSpec(spec.table(), spec.oldColumn(), spec.newColumn(), spec.newType(),
        toNew, toOld, spec.compatibilityView()));
  }

  /**
   * Also create a view of this name (optionally {@code schema.view}) that shows the table with the
   * new column under the old name and without the old column; the contract step drops it. Point
   * old code at it when it cannot write the old column through the trigger.
   */
  public DualWrite compatibilityView(String view) {
    QualifiedName name = QualifiedName.parse("compatibility view", view);
    return new DualWrite(new DualWriteSpec(spec.table(), spec.oldColumn(), spec.newColumn(), spec.newType(),
        spec.oldToNew(), spec.newToOld(), Optional.of(name)));
  }

  /** The validated description, for flyway-zdm's internals. */
  DualWriteSpec spec() {
    return spec;
  }

  private static String conversion(String what, String template, String placeholder) {
    String sql = UserSql.fragment(what, Objects.requireNonNull(template, what));
    if (!sql.contains(placeholder)) {
      throw new IllegalArgumentException(what + " '" + sql + "' does not use " + placeholder
          + ", the value it converts (e.g. \"" + placeholder + "::bigint\")");
    }
    return sql;
  }

  @Override
  public String toString() {
    return spec.describe();
  }
}
