package dev.flywayzdm.lint.internal.rules;

import com.google.auto.service.AutoService;
import dev.flywayzdm.lint.internal.engine.Reporter;
import dev.flywayzdm.lint.internal.engine.Rule;
import dev.flywayzdm.lint.internal.engine.RuleInfo;
import dev.flywayzdm.lint.internal.engine.StatementContext;
import dev.flywayzdm.lint.internal.lexer.Statement;
import dev.flywayzdm.lint.internal.lexer.Token;
import dev.flywayzdm.lint.internal.lexer.TokenKind;

/** A new enum value is addable in a transaction only from PostgreSQL 12, and usable only after commit. */
@AutoService(Rule.class)
@RuleInfo(
    id = "enum-value-in-transaction",
    severity = "error",
    title = "ALTER TYPE ... ADD VALUE cannot be used this way inside a transaction",
    why = "Before PostgreSQL 12 ADD VALUE fails inside a transaction block; from 12 it runs, but the new value"
          + " cannot be used until the transaction commits, so later statements of the same migration"
          + " that use it fail.",
    fix = "Add the enum value in a migration of its own, and use it in a later one.",
    rank = 240
)
public final class EnumValueInTransaction implements Rule {

  @Override
  public void check(StatementContext context, Reporter out) {
    Statement s = context.statement();
    if (s.startsWith("ALTER", "TYPE") && s.containsWord("ADD") && s.containsWord("VALUE")) {
      if (context.inTransaction() && context.targetMajor() < 12) {
        out.report(id(), s.first(), "ALTER TYPE ... ADD VALUE inside a transaction fails before PostgreSQL 12");
      }
      return;
    }
    if (!context.inTransaction()) {
      return;
    }
    for (Token token : s.tokens()) {
      Long added = token.is(TokenKind.STRING) ? context.file().enumValueAddedIn(token.value()) : null;
      if (added != null && added == context.transaction()) {
        out.report(id(), token, "Enum value '" + token.value() + "' was added in this same transaction: using it"
            + " before the transaction commits fails (unsafe use of new value)");
        return;
      }
    }
  }
}
