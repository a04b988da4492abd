package dev.flywayzdm.lint.internal.sql;

import dev.flywayzdm.lint.internal.lexer.Token;
import dev.flywayzdm.lint.internal.lexer.TokenKind;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Finds calls of volatile functions in a default expression.
 *
 * <p>PostgreSQL 11+ evaluates a non-volatile {@code ADD COLUMN} default once and stores it in the
 * catalog; a volatile one is evaluated per row, which means a table rewrite. Only functions known to
 * be volatile are reported: a user function's volatility cannot be seen from the migration.
 */
public final class Volatility {

  private static final Set<String> VOLATILE = Set.of(
      "gen_random_uuid", "uuidv4", "uuidv7", "uuid_generate_v1", "uuid_generate_v1mc", "uuid_generate_v4",
      "random", "random_normal", "clock_timestamp", "timeofday", "nextval", "setval", "gen_random_bytes",
      "txid_current", "pg_current_xact_id", "currval", "lastval");

  private Volatility() {}

  /** The first known-volatile function called in the expression, if any. */
  public static Optional<String> volatileCall(List<Token> expression) {
    for (int i = 0; i + 1 < expression.size(); i++) {
      Token token = expression.get(i);
      boolean call = token.is(TokenKind.WORD) && expression.get(i + 1).is(TokenKind.OPEN_PAREN);
      if (call && VOLATILE.contains(token.identifier())) {
        return Optional.of(token.identifier() + "()");
      }
    }
    return Optional.empty();
  }
}
