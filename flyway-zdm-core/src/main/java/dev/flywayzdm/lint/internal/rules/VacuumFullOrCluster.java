package dev.flywayzdm.lint.internal.rules;

import dev.flywayzdm.lint.RuleId;
import dev.flywayzdm.lint.internal.engine.Reporter;
import dev.flywayzdm.lint.internal.engine.Rule;
import dev.flywayzdm.lint.internal.engine.StatementContext;
import dev.flywayzdm.lint.internal.lexer.Statement;
import dev.flywayzdm.lint.internal.engine.TableLock;

/** VACUUM FULL and CLUSTER rewrite tables offline. */
final class VacuumFullOrCluster implements Rule {

  @Override
  public RuleId id() {
    return RuleId.VACUUM_FULL_OR_CLUSTER;
  }

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
