package dev.flywayzdm.lint.internal.rules;

import com.google.auto.service.AutoService;
import dev.flywayzdm.lint.internal.engine.Reporter;
import dev.flywayzdm.lint.internal.engine.Rule;
import dev.flywayzdm.lint.internal.engine.RuleInfo;
import dev.flywayzdm.lint.internal.engine.StatementContext;
import dev.flywayzdm.lint.internal.engine.DeclaredColumns;
import java.util.Locale;

/** int and smallint ids, references and counters run out; widening them later rewrites the table. */
@AutoService(Rule.class)
@RuleInfo(
    id = "integer-column-overflow",
    severity = "advice",
    title = "An integer or smallint column that holds ids or counts will overflow",
    why = "An int4 id, reference or counter stops at 2,147,483,647 (int2 at 32,767) and then every insert"
          + " fails; changing it to bigint later rewrites the table and its indexes under ACCESS EXCLUSIVE."
          + " Primary keys are reported by prefer-bigint-primary-key; plain measures are left alone.",
    fix = "Declare ids, references to ids and counters as bigint from the start (8 bytes instead of 4).",
    rank = 335
)
public final class IntegerColumnOverflow implements Rule {

  @Override
  public void check(StatementContext context, Reporter out) {
    for (DeclaredColumns.Declared column : DeclaredColumns.of(context)) {
      if (!column.primaryKey() && column.type().smallInteger() && !column.type().array()
          && countsOrReferences(column.column())) {
        out.report(id(), column.at(), "Column " + column.column() + " is " + column.type() + " and holds ids or"
            + " counts: it overflows at " + (column.type().base().endsWith("2") ? "32,767" : "2,147,483,647")
            + "; use bigint");
      }
    }
  }

  /** Names that say the column grows without bound: an id, a reference to one, a sequence-backed number, a count. */
  private static boolean countsOrReferences(String name) {
    String n = name.toLowerCase(Locale.ROOT);
    return n.equals("id") || n.endsWith("_id") || n.endsWith("_count") || n.endsWith("_seq") || n.equals("counter");
  }
}
