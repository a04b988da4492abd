package dev.flywayzdm.lint.internal.rules;

import com.google.auto.service.AutoService;
import dev.flywayzdm.lint.internal.engine.Reporter;
import dev.flywayzdm.lint.internal.engine.Rule;
import dev.flywayzdm.lint.internal.engine.RuleInfo;
import dev.flywayzdm.lint.internal.engine.StatementContext;
import dev.flywayzdm.lint.internal.lexer.Statement;
import dev.flywayzdm.lint.internal.engine.TableLock;

/** VACUUM FULL and CLUSTER rewrite tables offline. */
@AutoService(Rule.class)
@RuleInfo(
    id = "vacuum-full-or-cluster",
    severity = "error",
    title = "VACUUM FULL and CLUSTER rewrite the table under an ACCESS EXCLUSIVE lock",
    why = "Both copy the whole table and rebuild every index while no query can read or write it.",
    fix = "Use plain VACUUM, or an online repack tool such as pg_repack or pg_squeeze, outside migrations.",
    rank = 220
)
public final class VacuumFullOrCluster implements Rule {

  @Override
  public void check(StatementContext context, Reporter out) {
    Statement s = context.statement();
    boolean cluster = s.startsWith("CLUSTER");
    if (!cluster && !(s.startsWith("VACUUM") && TableLock.of(context).isPresent())) {
      return;
    }
    TableLock lock = TableLock.of(context).orElse(null);
    if (lock != null && lock.object() != null && !lock.existing()) {
      return;
    }
    String target = lock == null || lock.object() == null ? "every table it covers" : "table " + lock.object();
    out.report(id(), s.first(), (cluster ? "CLUSTER" : "VACUUM FULL") + " rewrites " + target
        + " under an ACCESS EXCLUSIVE lock");
  }
}
