package dev.flywayzdm.lint.internal.rules;

import com.google.auto.service.AutoService;
import dev.flywayzdm.lint.internal.engine.Reporter;
import dev.flywayzdm.lint.internal.engine.Rule;
import dev.flywayzdm.lint.internal.engine.RuleInfo;
import dev.flywayzdm.lint.internal.engine.StatementContext;
import dev.flywayzdm.lint.internal.lexer.Statement;
import dev.flywayzdm.lint.internal.sql.AlterAction;
import dev.flywayzdm.lint.internal.sql.CreateIndex;

/** Statements of a non-transactional migration should survive being run twice. */
@AutoService(Rule.class)
@RuleInfo(
    id = "prefer-robust-statements",
    severity = "advice",
    title = "This migration runs outside a transaction; a retry after a failure will stop at this statement",
    why = "Without a transaction the statements before a failure stay applied, so running the migration again"
          + " fails on objects that already exist (or no longer exist).",
    fix = "Add IF NOT EXISTS / IF EXISTS; for an index, also drop an INVALID leftover of a failed concurrent"
          + " build first.",
    baseClass = "ConcurrentIndexMigration",
    rank = 320
)
public final class PreferRobustStatements implements Rule {

  @Override
  public void check(StatementContext context, Reporter out) {
    Statement s = context.statement();
    if (context.inTransaction() || s.origin() != Statement.Origin.FILE) {
      return;
    }
    String missing = null;
    if (s.startsWith("CREATE") && CreateIndex.read(s) != null && !CreateIndex.read(s).ifNotExists()
        || s.startsWith("CREATE", "TABLE") && !s.matchesAt(2, "IF", "NOT", "EXISTS")) {
      missing = "IF NOT EXISTS";
    } else if ((s.startsWith("DROP", "INDEX") || s.startsWith("DROP", "TABLE")) && !s.containsWord("EXISTS")) {
      missing = "IF EXISTS";
    } else if (context.alterTable() != null) {
      for (AlterAction action : context.alterTable().actions()) {
        Statement a = action.tokens();
        boolean addColumn = action.kind() == AlterAction.Kind.ADD_COLUMN && !a.containsWord("EXISTS");
        boolean dropColumn = action.kind() == AlterAction.Kind.DROP_COLUMN && !a.containsWord("EXISTS");
        if (addColumn || dropColumn) {
          missing = addColumn ? "IF NOT EXISTS" : "IF EXISTS";
          break;
        }
      }
    }
    if (missing != null) {
      out.report(id(), s.first(), "This migration runs outside a transaction and this statement has no " + missing
          + ": after a failure, running the migration again stops here");
    }
  }
}
