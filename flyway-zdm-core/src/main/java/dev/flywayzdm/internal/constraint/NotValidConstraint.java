package dev.flywayzdm.internal.constraint;

import dev.flywayzdm.internal.pg.Identifier;
import dev.flywayzdm.internal.step.StepContext;
import dev.flywayzdm.internal.pg.QualifiedName;
import dev.flywayzdm.internal.pg.TableCatalog;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * A CHECK or FOREIGN KEY added in two steps: {@code ADD CONSTRAINT ... NOT VALID} in a short
 * transaction (catalog only: new writes are checked from then on), then VALIDATE in another.
 * A rerun leaves a valid constraint alone and only validates one that is NOT VALID.
 */
final class NotValidConstraint {

  private final StepContext ddl;

  NotValidConstraint(StepContext ddl) {
    this.ddl = ddl;
  }

  void apply(QualifiedName table, Identifier name, char type, String definition, String description,
      ConstraintValidation.ViolationPredicate violation) throws SQLException {
    TableCatalog.requireTable(ddl.connection(), table, ddl.name());
    Optional<ConstraintCatalog.Existing> before = ConstraintCatalog.find(ddl.connection(), table, name);
    if (before.isPresent()) {
      requireType(before.get(), type, table, name);
      if (before.get().validated()) {
        ddl.info("{} exists and is valid: nothing to do", description);
        return;
      }
      ddl.info("{} exists NOT VALID (an earlier run stopped): validating it", description);
    } else {
      String what = "adding " + description + " NOT VALID";
      ddl.info("{} ...", what);
      ddl.transaction(what, table.quoted(), tx -> {
        Optional<ConstraintCatalog.Existing> now = ConstraintCatalog.find(tx, table, name);
        if (now.isEmpty()) {
          try (Statement statement = tx.createStatement()) {
            statement.execute("ALTER TABLE " + table.quoted() + " ADD CONSTRAINT " + name.quoted() + " " + definition + " NOT VALID");
          }
        } else {
          requireType(now.get(), type, table, name);
        }
        return null;
      });
    }
    ConstraintValidation.validate(ddl, table, name, description, violation);
  }

  static String check(ConstraintSpec.Check spec) {
    return "CHECK (" + spec.expression() + ")";
  }

  static String foreignKey(ConstraintSpec.ForeignKey spec) {
    return "FOREIGN KEY (" + ConstraintSpec.columnList(spec.columns()) + ") REFERENCES " + spec.referenced().quoted()
        + " (" + ConstraintSpec.columnList(spec.referencedColumns()) + ") ON DELETE " + spec.onDelete();
  }

  /** Orphans under MATCH SIMPLE: every referencing column set, and no referenced row. */
  static String orphans(ConstraintSpec.ForeignKey spec) {
    String allSet = spec.columns().stream().map(c -> "zdm_row." + c.quoted() + " IS NOT NULL")
        .collect(Collectors.joining(" AND "));
    StringBuilder match = new StringBuilder();
    for (int i = 0; i < spec.columns().size(); i++) {
      match.append(i == 0 ? "" : " AND ").append("zdm_parent.").append(spec.referencedColumns().get(i).quoted())
          .append(" = zdm_row.").append(spec.columns().get(i).quoted());
    }
    return allSet + " AND NOT EXISTS (SELECT 1 FROM " + spec.referenced().quoted() + " AS zdm_parent WHERE " + match + ")";
  }

  private static void requireType(ConstraintCatalog.Existing existing, char type, QualifiedName table, Identifier name) {
    if (existing.type() != type) {
      throw new IllegalStateException("constraint " + name + " on " + table + " already exists as "
          + existing.typeName() + " " + existing.definition() + "; choose another name");
    }
  }
}
