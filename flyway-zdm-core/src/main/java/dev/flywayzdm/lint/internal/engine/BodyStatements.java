package dev.flywayzdm.lint.internal.engine;

import dev.flywayzdm.lint.internal.lexer.LexError;
import dev.flywayzdm.lint.internal.lexer.LexResult;
import dev.flywayzdm.lint.internal.lexer.Lexer;
import dev.flywayzdm.lint.internal.lexer.Statement;
import dev.flywayzdm.lint.internal.lexer.StatementSplitter;
import dev.flywayzdm.lint.internal.lexer.Token;
import dev.flywayzdm.lint.internal.lexer.TokenKind;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Finds the SQL statements inside a {@code DO} block or a PL/pgSQL or SQL routine body, with their
 * positions in the migration file, so the same rules apply to them.
 *
 * <p>PL/pgSQL control flow ({@code IF ... THEN}, {@code LOOP}, {@code BEGIN}, labels) is skipped to
 * reach the SQL command it guards. {@code EXECUTE} of a constant string ({@code '...'}, {@code E'...'},
 * {@code $q$...$q$}) is read as SQL too; an {@code EXECUTE} of anything computed ({@code format(...)},
 * a concatenation, a variable) cannot be read and is listed in {@link Body#dynamic()}.
 */
final class BodyStatements {

  private static final Set<String> CONTROL = Set.of("BEGIN", "THEN", "ELSE", "LOOP", "DECLARE", "EXCEPTION");
  private static final Set<String> COMMANDS = Set.of(
      "ALTER", "CREATE", "DROP", "UPDATE", "DELETE", "INSERT", "TRUNCATE", "VACUUM", "CLUSTER", "REINDEX", "LOCK",
      "SET", "RESET", "EXECUTE", "COMMIT", "ROLLBACK", "SELECT", "PERFORM", "GRANT", "REVOKE", "COMMENT", "REFRESH",
      "ANALYZE", "WITH");

  /**
   * The body statements and any error lexing the body.
   *
   * @param statements statements found in the body
   * @param errors lexing errors, positioned in the file
   * @param dynamic the {@code EXECUTE ...} fragments whose SQL is computed when the body runs
   */
  record Body(List<Statement> statements, List<LexError> errors, List<Statement> dynamic) {
    static final Body NONE = new Body(List.of(), List.of(), List.of());
  }

  private BodyStatements() {}

  /** The body of a {@code DO} block or {@code CREATE FUNCTION/PROCEDURE}; empty for other statements. */
  static Body of(Statement statement) {
    Statement.Origin origin;
    if (statement.startsWith("DO")) {
      origin = Statement.Origin.DO_BLOCK;
    } else if (isRoutine(statement)) {
      origin = Statement.Origin.ROUTINE_BODY;
    } else {
      return Body.NONE;
    }
    String language = language(statement);
    if (!language.equals("plpgsql") && !language.equals("sql")) {
      return Body.NONE;
    }
    Token body = bodyToken(statement, origin);
    if (body == null) {
      return Body.NONE;
    }
    List<Statement> found = new ArrayList<>();
    List<LexError> errors = new ArrayList<>();
    List<Statement> dynamic = new ArrayList<>();
    read(body, origin, language.equals("plpgsql"), found, errors, dynamic);
    return new Body(found, errors, dynamic);
  }

  private static void read(Token body, Statement.Origin origin, boolean plpgsql, List<Statement> found,
      List<LexError> errors, List<Statement> dynamic) {
    LexResult lexed = Lexer.lex(body.value(), body.valueLine(), body.valueColumn());
    lexed.error().ifPresent(errors::add);
    for (Statement fragment : StatementSplitter.split(lexed.tokens(), origin)) {
      int start = plpgsql ? commandStart(fragment) : 0;
      int execute = plpgsql ? fragment.indexOfWord("EXECUTE", 0) : -1;
      if (execute >= 0 && !isTriggerClause(fragment, execute)) {
        // EXECUTE anywhere in the fragment: as a command, after RETURN QUERY, after a label or a THEN
        Statement command = new Statement(fragment.tokens().subList(execute, fragment.size()), origin);
        if (constantSql(command)) {
          read(command.get(1), Statement.Origin.DYNAMIC_SQL, false, found, errors, dynamic);
        } else {
          dynamic.add(command);
          if (start == execute) {
            found.add(command);
          }
        }
        continue;
      }
      if (start < 0) {
        continue;
      }
      found.add(new Statement(fragment.tokens().subList(start, fragment.size()), origin));
    }
  }

  /** {@code EXECUTE <constant string> [INTO ...] [USING ...]}: the SQL it runs is in the file. */
  private static boolean constantSql(Statement command) {
    return command.size() >= 2 && (command.get(1).is(TokenKind.STRING) || command.get(1).is(TokenKind.DOLLAR_STRING))
        && (command.size() == 2 || command.isWord(2, "USING") || command.isWord(2, "INTO")
            || command.isWord(2, "STRICT"));
  }

  /** {@code CREATE TRIGGER ... EXECUTE FUNCTION f()} inside a body names a function; it runs no dynamic SQL. */
  private static boolean isTriggerClause(Statement fragment, int execute) {
    return fragment.isWord(execute + 1, "FUNCTION") || fragment.isWord(execute + 1, "PROCEDURE");
  }

  /** Index of the SQL command in a PL/pgSQL fragment such as {@code IF x THEN ALTER TABLE ...}; -1 if none. */
  static int commandStart(Statement fragment) {
    int segmentStart = 0;
    int depth = 0;
    for (int i = 0; i < fragment.size(); i++) {
      Token token = fragment.get(i);
      if (token.is(TokenKind.OPEN_PAREN)) {
        depth++;
      } else if (token.is(TokenKind.CLOSE_PAREN)) {
        depth--;
      } else if (depth == 0) {
        if (i == segmentStart && token.is(TokenKind.WORD) && COMMANDS.contains(token.upper())) {
          return i;
        }
        if (token.is(TokenKind.WORD) && CONTROL.contains(token.upper()) || token.text().equals(">>")) {
          segmentStart = i + 1;
        }
      }
    }
    return -1;
  }

  private static boolean isRoutine(Statement s) {
    int at = s.matchesAt(1, "OR", "REPLACE") ? 3 : 1;
    return s.isWord(0, "CREATE") && (s.isWord(at, "FUNCTION") || s.isWord(at, "PROCEDURE"));
  }

  /** The language, lower case; {@code plpgsql} for a DO block without LANGUAGE. */
  private static String language(Statement s) {
    int at = s.indexOfWord("LANGUAGE", 1);
    if (at < 0 || at + 1 >= s.size()) {
      return s.startsWith("DO") ? "plpgsql" : "";
    }
    return s.get(at + 1).value().toLowerCase(Locale.ROOT);
  }

  private static Token bodyToken(Statement s, Statement.Origin origin) {
    if (origin == Statement.Origin.DO_BLOCK) {
      for (Token token : s.tokens()) {
        if (token.is(TokenKind.DOLLAR_STRING) || token.is(TokenKind.STRING)) {
          return token;
        }
      }
      return null;
    }
    int as = s.indexOfWord("AS", 1);
    while (as >= 0) {
      if (as + 1 < s.size() && (s.get(as + 1).is(TokenKind.DOLLAR_STRING) || s.get(as + 1).is(TokenKind.STRING))) {
        return s.get(as + 1);
      }
      as = s.indexOfWord("AS", as + 1);
    }
    return null;
  }
}
