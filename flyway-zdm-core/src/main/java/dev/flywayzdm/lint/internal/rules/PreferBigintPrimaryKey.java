package dev.flywayzdm.lint.internal.rules;

import com.google.auto.service.AutoService;
import dev.flywayzdm.lint.internal.engine.Reporter;
import dev.flywayzdm.lint.internal.engine.Rule;
import dev.flywayzdm.lint.internal.engine.RuleInfo;
import dev.flywayzdm.lint.internal.engine.StatementContext;
import dev.flywayzdm.lint.internal.lexer.Statement;
import dev.flywayzdm.lint.internal.engine.DeclaredColumns;

/** int and serial primary keys. */
@AutoService(Rule.class)
@RuleInfo(
    id = "prefer-bigint-primary-key",
    severity = "advice",
    title = "An int or serial primary key runs out after 2^31 values",
    why = "Moving a busy table from int to bigint later rewrites the table and every referencing foreign key.",
    fix = "Use bigint GENERATED ALWAYS AS IDENTITY (or bigserial).",
    rank = 360
)
public final class PreferBigintPrimaryKey implements Rule {

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
