package dev.flywayzdm.lint.internal.rules;

import com.google.auto.service.AutoService;
import dev.flywayzdm.lint.internal.engine.Reporter;
import dev.flywayzdm.lint.internal.engine.Rule;
import dev.flywayzdm.lint.internal.engine.RuleInfo;
import dev.flywayzdm.lint.internal.engine.StatementContext;
import dev.flywayzdm.lint.internal.lexer.Statement;
import dev.flywayzdm.lint.internal.lexer.Token;
import dev.flywayzdm.lint.internal.lexer.TokenKind;
import dev.flywayzdm.lint.internal.sql.AlterAction;
import dev.flywayzdm.lint.internal.sql.AlterTable;
import java.util.HashSet;
import java.util.Set;

/** One statement that sets the same column twice fails when it runs, mid-deployment. */
@AutoService(Rule.class)
@RuleInfo(
    id = "duplicate-column-assignment",
    severity = "error",
    title = "The statement assigns the same column twice and fails when it runs",
    why = "PostgreSQL rejects an UPDATE that sets one column twice (multiple assignments to same column) and"
          + " an ALTER TABLE that adds one column twice or changes its type twice. The linter would otherwise"
          + " pass the file and the deployment stops at this statement, part-way through the migration set.",
    fix = "Keep one assignment per column: merge the expressions, or split the change into two statements.",
    rank = 15
)
public final class DuplicateColumnAssignment implements Rule {

  @Override
  public void check(StatementContext context, Reporter out) {
    Statement s = context.statement();
    if (s.startsWith("UPDATE")) {
      checkUpdate(s, out);
      return;
    }
    AlterTable alter = context.alterTable();
    if (alter == null) {
      return;
    }
    Set<String> added = new HashSet<>();
    Set<String> retyped = new HashSet<>();
    for (AlterAction action : alter.actions()) {
      Set<String> seen = action.kind() == AlterAction.Kind.ADD_COLUMN ? added
          : action.kind() == AlterAction.Kind.ALTER_COLUMN_TYPE ? retyped : null;
      if (seen != null && action.column() != null && !seen.add(action.column())) {
        out.report(id(), action.first(), "ALTER TABLE " + alter.table() + " "
            + (seen == added ? "adds" : "changes the type of") + " column " + action.column()
            + " twice; PostgreSQL rejects the statement");
      }
    }
  }

  private void checkUpdate(Statement s, Reporter out) {
    int set = s.indexOfWord("SET", 1);
    if (set < 0) {
      return;
    }
    Set<String> assigned = new HashSet<>();
    int depth = 0;
    boolean itemStart = true;
    for (int i = set + 1; i < s.size(); i++) {
      Token token = s.get(i);
      if (depth == 0 && (token.isWord("WHERE") || token.isWord("FROM") || token.isWord("RETURNING"))) {
        return;
      }
      if (itemStart) {
        itemStart = false;
        if (token.is(TokenKind.OPEN_PAREN)) {
          // (a, b) = (...): every name up to the closing parenthesis is an assigned column
          for (i++; i < s.size() && !s.get(i).is(TokenKind.CLOSE_PAREN); i++) {
            report(s, i, assigned, out);
          }
          continue;
        }
        report(s, i, assigned, out);
      }
      if (token.is(TokenKind.OPEN_PAREN)) {
        depth++;
      } else if (token.is(TokenKind.CLOSE_PAREN)) {
        depth--;
      } else if (depth == 0 && token.is(TokenKind.COMMA)) {
        itemStart = true;
      }
    }
  }

  private void report(Statement s, int i, Set<String> assigned, Reporter out) {
    Token token = s.get(i);
    // col.field = and col[1] = assign parts of a column, which PostgreSQL allows more than once
    boolean part = i + 1 < s.size() && (s.get(i + 1).is(TokenKind.DOT) || s.get(i + 1).text().equals("["));
    if (token.isIdentifier() && !part && !assigned.add(token.identifier())) {
      out.report(id(), token, "UPDATE sets column " + token.identifier() + " twice; PostgreSQL rejects it with"
          + " multiple assignments to same column");
    }
  }
}
