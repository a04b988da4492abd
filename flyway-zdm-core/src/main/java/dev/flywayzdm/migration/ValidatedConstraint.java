package dev.flywayzdm.migration;

import dev.flywayzdm.internal.constraint.ConstraintSpec;
import dev.flywayzdm.internal.pg.Identifier;
import dev.flywayzdm.internal.pg.QualifiedName;
import dev.flywayzdm.internal.pg.UserSql;
import java.util.Arrays;
import java.util.List;

/**
 * A constraint for {@link ValidatedConstraintMigration} to add to an existing, busy table; built
 * with the static factories, validated at once, immutable.
 *
 * <pre>{@code
 * ValidatedConstraint.check("orders", "orders_amount_positive", "amount > 0")
 * ValidatedConstraint.foreignKey("orders", "orders_customer_fk", "customer_id").references("customers", "id")
 * ValidatedConstraint.foreignKey("orders", "orders_customer_fk", "customer_id").references("customers", "id")
 *     .onDelete(ReferentialAction.CASCADE).withoutSupportingIndex()
 * ValidatedConstraint.notNull("orders", "customer_id")
 * ValidatedConstraint.unique("users", "users_email_key", "email")
 * ValidatedConstraint.primaryKey("events", "events_pkey", "id")
 * }</pre>
 *
 * Table, column and constraint names are taken literally and always quoted; tables may be
 * schema-qualified. A CHECK expression is SQL written by you and must be one expression.
 */
public final class ValidatedConstraint {

  /** What happens to referencing rows when the referenced row is deleted. */
  public enum ReferentialAction {
    NO_ACTION("NO ACTION"), RESTRICT("RESTRICT"), CASCADE("CASCADE"), SET_NULL("SET NULL"), SET_DEFAULT("SET DEFAULT");

    private final String sql;

    ReferentialAction(String sql) {
      this.sql = sql;
    }
  }

  private final ConstraintSpec spec;

  private ValidatedConstraint(ConstraintSpec spec) {
    this.spec = spec;
  }

  /** {@code CHECK (expression)}, added NOT VALID and then validated. */
  public static ValidatedConstraint check(String table, String name, String expression) {
    Identifier constraint = Identifier.of("constraint", name);
    return new ValidatedConstraint(new ConstraintSpec.Check(QualifiedName.parse("table", table), constraint,
        UserSql.fragment("check expression of " + constraint, expression)));
  }

  /** A foreign key on {@code columns}; name the referenced table with {@link ForeignKeyColumns#references}. */
  public static ForeignKeyColumns foreignKey(String table, String name, String... columns) {
    return new ForeignKeyColumns(QualifiedName.parse("table", table), Identifier.of("constraint", name),
        identifiers("referencing column", columns));
  }

  /** {@code ALTER COLUMN column SET NOT NULL}, through a validated helper check so no step scans under ACCESS EXCLUSIVE. */
  public static ValidatedConstraint notNull(String table, String column) {
    return new ValidatedConstraint(new ConstraintSpec.NotNull(QualifiedName.parse("table", table),
        Identifier.of("column", column)));
  }

  /** {@code UNIQUE (columns)}: a unique index built concurrently, then {@code ADD CONSTRAINT ... UNIQUE USING INDEX}. */
  public static ValidatedConstraint unique(String table, String name, String... columns) {
    return new ValidatedConstraint(new ConstraintSpec.UniqueKey(QualifiedName.parse("table", table),
        Identifier.of("constraint", name), identifiers("column", columns), false));
  }

  /**
   * {@code PRIMARY KEY (columns)}: each column made NOT NULL the safe way, a unique index built
   * concurrently, then {@code ADD CONSTRAINT ... PRIMARY KEY USING INDEX}.
   */
  public static ValidatedConstraint primaryKey(String table, String name, String... columns) {
    return new ValidatedConstraint(new ConstraintSpec.UniqueKey(QualifiedName.parse("table", table),
        Identifier.of("constraint", name), identifiers("column", columns), true));
  }

  /** The referencing side of a foreign key. */
  public static final class ForeignKeyColumns {
    private final QualifiedName table;
    private final Identifier name;
    private final List<Identifier> columns;

    private ForeignKeyColumns(QualifiedName table, Identifier name, List<Identifier> columns) {
      this.table = table;
      this.name = name;
      this.columns = columns;
    }

    /** The referenced table and its columns (a primary key or unique key), one per referencing column. */
    public ValidatedConstraint references(String referencedTable, String... referencedColumns) {
      return new ValidatedConstraint(new ConstraintSpec.ForeignKey(table, name, columns,
          QualifiedName.parse("referenced table", referencedTable), identifiers("referenced column", referencedColumns),
          ReferentialAction.NO_ACTION.sql, true, ConstraintSpec.ForeignKey.defaultIndexName(table, columns)));
    }
  }

  /** A foreign key's {@code ON DELETE} action (default {@link ReferentialAction#NO_ACTION}). */
  public ValidatedConstraint onDelete(ReferentialAction action) {
    ConstraintSpec.ForeignKey fk = foreignKeyOnly("onDelete");
    return new ValidatedConstraint(new ConstraintSpec.ForeignKey(fk.table(), fk.name(), fk.columns(), fk.referenced(),
        fk.referencedColumns(), action.sql, fk.supportingIndex(), fk.indexName()));
  }

  /**
   * Do not build an index on the referencing columns. Without one, every delete or key update on
   * the referenced table scans this table; turn it off only when such an index is not wanted.
   */
  public ValidatedConstraint withoutSupportingIndex() {
    ConstraintSpec.ForeignKey fk = foreignKeyOnly("withoutSupportingIndex");
    return new ValidatedConstraint(new ConstraintSpec.ForeignKey(fk.table(), fk.name(), fk.columns(), fk.referenced(),
        fk.referencedColumns(), fk.onDelete(), false, fk.indexName()));
  }

  /** The supporting index's name when one must be built (default {@code <table>_<columns>_idx}). */
  public ValidatedConstraint supportingIndex(String indexName) {
    ConstraintSpec.ForeignKey fk = foreignKeyOnly("supportingIndex");
    return new ValidatedConstraint(new ConstraintSpec.ForeignKey(fk.table(), fk.name(), fk.columns(), fk.referenced(),
        fk.referencedColumns(), fk.onDelete(), true, Identifier.of("index", indexName)));
  }

  ConstraintSpec spec() {
    return spec;
  }

  private ConstraintSpec.ForeignKey foreignKeyOnly(String method) {
    if (spec instanceof ConstraintSpec.ForeignKey fk) {
      return fk;
    }
    throw new IllegalStateException(method + "() applies to foreign keys only, not to " + this);
  }

  private static List<Identifier> identifiers(String what, String... names) {
    if (names == null || names.length == 0) {
      throw new IllegalArgumentException("give at least one " + what);
    }
    List<Identifier> list = Arrays.stream(names).map(n -> Identifier.of(what, n)).toList();
    if (list.stream().distinct().count() != list.size()) {
      throw new IllegalArgumentException(what + "s " + Arrays.toString(names) + " name a column twice");
    }
    return list;
  }

  @Override
  public String toString() {
    return spec.toString();
  }
}
