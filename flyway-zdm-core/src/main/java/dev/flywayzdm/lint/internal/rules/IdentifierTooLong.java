package dev.flywayzdm.lint.internal.rules;

import dev.flywayzdm.internal.pg.Identifier;
import com.google.auto.service.AutoService;
import dev.flywayzdm.lint.internal.engine.Reporter;
import dev.flywayzdm.lint.internal.engine.Rule;
import dev.flywayzdm.lint.internal.engine.RuleInfo;
import dev.flywayzdm.lint.internal.engine.StatementContext;
import dev.flywayzdm.lint.internal.lexer.Statement;
import dev.flywayzdm.lint.internal.lexer.Token;
import dev.flywayzdm.lint.internal.lexer.TokenKind;
import java.nio.charset.StandardCharsets;

/** Names longer than NAMEDATALEN - 1 bytes are truncated. */
@AutoService(Rule.class)
@RuleInfo(
    id = "identifier-too-long",
    severity = "warning",
    title = "The identifier is longer than 63 bytes and PostgreSQL silently truncates it",
    why = "Names over NAMEDATALEN-1 (63) bytes are cut with only a NOTICE; two long names that share their"
          + " first 63 bytes collide, and tooling that uses the full name does not find the object.",
    fix = "Use a name of at most 63 bytes.",
    rank = 310
)
public final class IdentifierTooLong implements Rule {

  @Override
  public void check(StatementContext context, Reporter out) {
    Statement s = context.statement();
    if (!s.startsWith("CREATE") && !s.startsWith("ALTER")) {
      return;
    }
    for (Token token : s.tokens()) {
      if (!token.is(TokenKind.WORD) && !token.is(TokenKind.QUOTED_IDENTIFIER)) {
        continue;
      }
      int bytes = token.identifier().getBytes(StandardCharsets.UTF_8).length;
      if (bytes > Identifier.MAX_BYTES) {
        out.report(id(), token, "Identifier " + token.identifier() + " is " + bytes
            + " bytes; PostgreSQL keeps only the first " + Identifier.MAX_BYTES);
        return;
      }
    }
  }
}
