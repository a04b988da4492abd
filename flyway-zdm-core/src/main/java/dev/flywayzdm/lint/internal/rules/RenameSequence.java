package dev.flywayzdm.lint.internal.rules;

import com.google.auto.service.AutoService;
import dev.flywayzdm.lint.internal.engine.Reporter;
import dev.flywayzdm.lint.internal.engine.Rule;
import dev.flywayzdm.lint.internal.engine.RuleInfo;
import dev.flywayzdm.lint.internal.engine.StatementContext;
import dev.flywayzdm.lint.internal.lexer.Statement;
import dev.flywayzdm.lint.internal.sql.ObjectName;

/** Renaming or moving a sequence breaks code that calls nextval() with its name. */
@AutoService(Rule.class)
@RuleInfo(
    id = "rename-sequence",
    severity = "warning",
    title = "Renaming a sequence breaks the running code that calls it by name",
    why = "Column defaults follow the sequence (they hold its OID), but nextval('name'), currval('name') and"
          + " ORM sequence generators of the running version look it up by name and fail at once.",
    fix = "Leave the sequence name alone, or create the new sequence starting after the old one's value, move"
          + " the application to it, and drop the old one in a contract step.",
    rank = 156
)
public final class RenameSequence implements Rule {

  @Override
  public void check(StatementContext context, Reporter out) {
    Statement s = context.statement();
    if (!s.startsWith("ALTER", "SEQUENCE")) {
      return;
    }
    ObjectName sequence = ObjectName.at(s, ObjectName.skipModifiers(s, 2));
    if (sequence == null) {
      return;
    }
    boolean rename = s.matchesAt(sequence.next(), "RENAME", "TO");
    if (!rename && !s.matchesAt(sequence.next(), "SET", "SCHEMA")) {
      return;
    }
    out.report(id(), s.first(), (rename ? "Renaming" : "Moving") + " sequence " + sequence.name()
        + " breaks nextval()/currval() calls of the running version that name it");
  }
}
