package dev.flywayzdm.lint.internal.rules;

import com.google.auto.service.AutoService;
import dev.flywayzdm.lint.internal.engine.Reporter;
import dev.flywayzdm.lint.internal.engine.Rule;
import dev.flywayzdm.lint.internal.engine.RuleInfo;
import dev.flywayzdm.lint.internal.engine.StatementContext;
import dev.flywayzdm.lint.internal.lexer.Statement;
import dev.flywayzdm.lint.internal.sql.AlterAction;

/** CONCURRENTLY operations fail inside a transaction block; says why this one is in one. */
@AutoService(Rule.class)
@RuleInfo(
    id = "concurrently-in-transaction",
    severity = "error",
    title = "A CONCURRENTLY operation here runs inside a transaction, where PostgreSQL refuses it",
    why = "CREATE/DROP INDEX CONCURRENTLY, REINDEX CONCURRENTLY and DETACH PARTITION CONCURRENTLY must run"
          + " outside a transaction block. Flyway wraps a SQL file in a transaction unless every statement"
          + " in it is one its parser knows to be non-transactional, and a DO block or function is always"
          + " inside one: the migration fails.",
    fix = "Put the statement alone in its own migration; for REINDEX INDEX/TABLE and DETACH PARTITION add a"
          + " V<n>__name.sql.conf with executeInTransaction=false, since Flyway does not recognise them.",
    baseClass = "ConcurrentIndexMigration",
    rank = 10
)
public final class ConcurrentlyInTransaction implements Rule {

  @Override
  public void check(StatementContext context, Reporter out) {
    Statement s = context.statement();
    String what = operation(context);
    if (what == null || !context.inTransaction()) {
      return;
    }
    String where = switch (s.origin()) {
      case DO_BLOCK -> "inside a DO block, which always runs in a transaction";
      case ROUTINE_BODY, DYNAMIC_SQL -> "inside a function body, which runs in the caller's transaction";
      case FILE -> context.file().fileInTransaction() ? fileReason(s) : "after an explicit BEGIN";
    };
    out.report(id(), s.first(), what + " runs " + where + ": PostgreSQL rejects it");
  }

  private static String fileReason(Statement s) {
    if (s.startsWith("REINDEX") || s.startsWith("ALTER")) {
      return "in a transaction: Flyway does not know this statement must run outside one and wraps the"
          + " file (add a .sql.conf with executeInTransaction=false)";
    }
    return "in the transaction Flyway wraps this file in";
  }

  private static String operation(StatementContext context) {
    Statement s = context.statement();
    if (!s.containsWord("CONCURRENTLY")) {
      return null;
    }
    if (s.startsWith("CREATE") && s.isWord(s.isWord(1, "UNIQUE") ? 3 : 2, "CONCURRENTLY")) {
      return "CREATE INDEX CONCURRENTLY";
    }
    if (s.startsWith("DROP", "INDEX", "CONCURRENTLY")) {
      return "DROP INDEX CONCURRENTLY";
    }
    if (s.startsWith("REINDEX")) {
      return "REINDEX CONCURRENTLY";
    }
    if (context.alterTable() != null && context.alterTable().actions().stream()
        .anyMatch(a -> a.kind() == AlterAction.Kind.DETACH_PARTITION && a.concurrently())) {
      return "DETACH PARTITION CONCURRENTLY";
    }
    return null;
  }
}
