package dev.flywayzdm.lint.internal.rules;

import dev.flywayzdm.lint.RuleId;
import dev.flywayzdm.lint.internal.engine.Reporter;
import dev.flywayzdm.lint.internal.engine.Rule;
import dev.flywayzdm.lint.internal.engine.StatementContext;
import dev.flywayzdm.lint.internal.lexer.Statement;
import dev.flywayzdm.lint.internal.engine.DeclaredColumns;

/** int and serial primary keys. */
final class PreferBigintPrimaryKey implements Rule {

  @Override
  public RuleId id() {
    return RuleId.PREFER_BIGINT_PRIMARY_KEY;
  }

  @Override
  public void check(StatementContext context, Reporter out) {
    Statement s = context.statement();
    for (DeclaredColumns.Declared column : DeclaredColumns.of(context)) {
      if (column.primaryKey() && column.type().smallInteger()) {
        out.report(id(), column.at(), "Primary key " + column.column() + " is " + column.type()
            + ": it runs out after about 2.1 billion rows; use bigint");
      }
    }
  }
}
