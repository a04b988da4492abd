package dev.flywayzdm.lint.internal.rules;

import dev.flywayzdm.internal.pg.Identifier;
import dev.flywayzdm.lint.RuleId;
import dev.flywayzdm.lint.internal.engine.Reporter;
import dev.flywayzdm.lint.internal.engine.Rule;
import dev.flywayzdm.lint.internal.engine.StatementContext;
import dev.flywayzdm.lint.internal.lexer.Statement;
import dev.flywayzdm.lint.internal.lexer.Token;
import dev.flywayzdm.lint.internal.lexer.TokenKind;
import java.nio.charset.StandardCharsets;

/** Names longer than NAMEDATALEN - 1 bytes are truncated. */
final class IdentifierTooLong implements Rule {

  @Override
  public RuleId id() {
    return RuleId.IDENTIFIER_TOO_LONG;
  }

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
