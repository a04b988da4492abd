package dev.flywayzdm.internal.lockfirst;

import dev.flywayzdm.internal.pg.Identifier;
import dev.flywayzdm.lint.internal.lexer.LexResult;
import dev.flywayzdm.lint.internal.lexer.Lexer;
import dev.flywayzdm.lint.internal.lexer.Statement;
import dev.flywayzdm.lint.internal.lexer.Token;
import dev.flywayzdm.lint.internal.lexer.TokenKind;
import dev.flywayzdm.lint.internal.sql.AlterAction;
import dev.flywayzdm.lint.internal.sql.AlterTable;
import dev.flywayzdm.lint.internal.sql.LockMode;
import dev.flywayzdm.lint.internal.sql.ObjectName;
import java.util.ArrayList;
import java.util.List;

/**
 * The table locks a SQL statement takes that ordinary application writes (ROW EXCLUSIVE) or reads
 * would queue behind, per PostgreSQL's documentation of each command: {@code ALTER TABLE} (the
 * strongest of its actions, plus SHARE ROW EXCLUSIVE on a table a foreign key references and ACCESS
 * EXCLUSIVE on a partition being attached), non-concurrent {@code CREATE INDEX} (SHARE),
 * {@code DROP TABLE} and {@code TRUNCATE} (ACCESS EXCLUSIVE), {@code CREATE TRIGGER} (SHARE ROW
 * EXCLUSIVE) and {@code LOCK TABLE} itself.
 *
 * <p>Empty for everything else: statements whose table cannot be told from their text (a
 * {@code DO} block, dynamic SQL, a function call, {@code DROP INDEX}, which names an index), the
 * concurrent commands (they run outside a transaction and wait differently), {@code LOCK ...
 * NOWAIT} (the migration asked not to wait) and text the lexer cannot read. Never more than the
 * statement takes: a stronger lock would block the application for longer than the statement would.
 */
public final class StatementLocks {

  private StatementLocks() {}

  /** The locks {@code sql} (one statement, as Flyway hands it to callbacks) takes, in the order it takes them. */
  public static List<LockTarget> of(String sql) {
    if (sql == null) {
      return List.of();
    }
    LexResult lexed = Lexer.lex(sql);
    List<Token> tokens = new ArrayList<>(lexed.tokens());
    while (!tokens.isEmpty() && tokens.get(tokens.size() - 1).is(TokenKind.SEMICOLON)) {
      tokens.remove(tokens.size() - 1);
    }
    if (lexed.error().isPresent() || tokens.isEmpty() || tokens.stream().anyMatch(t -> t.is(TokenKind.SEMICOLON))) {
      return List.of();
    }
    Statement s = new Statement(List.copyOf(tokens), Statement.Origin.FILE);
    try {
      return targets(s);
    } catch (IllegalArgumentException e) {
      // A name PostgreSQL could not have (too long, empty): let the statement itself report it.
      return List.of();
    }
  }

  private static List<LockTarget> targets(Statement s) {
    if (s.containsWord("CONCURRENTLY")) {
      return List.of();
    }
    if (s.startsWith("ALTER", "TABLE")) {
      return alterTable(s);
    }
    if (s.startsWith("CREATE", "INDEX") || s.startsWith("CREATE", "UNIQUE", "INDEX")) {
      int on = s.indexOfWord("ON", 2);
      return on < 0 ? List.of() : one(s, ObjectName.skipModifiers(s, on + 1), LockMode.SHARE);
    }
    if (s.startsWith("DROP", "TABLE")) {
      return list(s, ObjectName.skipModifiers(s, 2), LockMode.ACCESS_EXCLUSIVE);
    }
    if (s.startsWith("TRUNCATE")) {
      return list(s, ObjectName.skipModifiers(s, s.isWord(1, "TABLE") ? 2 : 1), LockMode.ACCESS_EXCLUSIVE);
    }
    if (s.startsWith("LOCK") && !s.containsWord("NOWAIT")) {
      LockMode mode = lockTableMode(s);
      return mode == null ? List.of() : list(s, ObjectName.skipModifiers(s, s.isWord(1, "TABLE") ? 2 : 1), mode);
    }
    if (s.startsWith("CREATE", "TRIGGER") || s.startsWith("CREATE", "OR", "REPLACE", "TRIGGER")
        || s.startsWith("CREATE", "CONSTRAINT", "TRIGGER")) {
      int on = s.indexOfWord("ON", 2);
      return on < 0 ? List.of() : one(s, on + 1, LockMode.SHARE_ROW_EXCLUSIVE);
    }
    return List.of();
  }

  private static List<LockTarget> alterTable(Statement s) {
    if (s.isWord(2, "ALL")) {
      return List.of(); // ALTER TABLE ALL IN TABLESPACE: the tables are not named
    }
    AlterTable alter = AlterTable.read(s);
    if (alter == null || alter.actions().isEmpty()) {
      return List.of();
    }
    LockMode mode = LockMode.ACCESS_SHARE;
    for (AlterAction action : alter.actions()) {
      mode = mode.max(action.lock());
    }
    List<LockTarget> targets = new ArrayList<>(one(s, ObjectName.skipModifiers(s, 2), mode));
    for (int i = 3; i < s.size(); i++) {
      if (s.isWord(i, "REFERENCES")) {
        targets.addAll(one(s, i + 1, LockMode.SHARE_ROW_EXCLUSIVE));
      } else if (s.matchesAt(i, "ATTACH", "PARTITION")) {
        targets.addAll(one(s, i + 2, LockMode.ACCESS_EXCLUSIVE));
      }
    }
    return targets.isEmpty() ? List.of() : List.copyOf(targets);
  }

  /** The table named at {@code i} ({@code ONLY} just before it is noted); empty when there is none. */
  private static List<LockTarget> one(Statement s, int i, LockMode mode) {
    boolean only = i > 0 && s.isWord(i - 1, "ONLY");
    Name name = Name.at(s, i);
    return name == null ? List.of() : List.of(new LockTarget(name.quoted(), mode, only));
  }

  /** {@code a, b [*], s.c}: every table of a list, each with {@code mode}; empty if the list cannot be read. */
  private static List<LockTarget> list(Statement s, int i, LockMode mode) {
    boolean only = i > 0 && s.isWord(i - 1, "ONLY");
    List<LockTarget> targets = new ArrayList<>();
    int at = i;
    while (true) {
      Name name = Name.at(s, at);
      if (name == null) {
        return List.of();
      }
      targets.add(new LockTarget(name.quoted(), mode, only));
      at = name.next();
      if (at < s.size() && s.get(at).text().equals("*")) {
        at++;
      }
      if (at >= s.size() || !s.get(at).is(TokenKind.COMMA)) {
        return List.copyOf(targets);
      }
      at++;
      only = s.isWord(at, "ONLY");
      at += only ? 1 : 0;
    }
  }

  private static LockMode lockTableMode(Statement s) {
    int in = s.indexOfWord("IN", 1);
    if (in < 0) {
      return LockMode.ACCESS_EXCLUSIVE;
    }
    StringBuilder mode = new StringBuilder();
    for (int i = in + 1; i < s.size() && !s.isWord(i, "MODE"); i++) {
      mode.append(mode.length() == 0 ? "" : "_").append(s.get(i).upper());
    }
    try {
      return LockMode.valueOf(mode.toString());
    } catch (IllegalArgumentException unknown) {
      return null;
    }
  }

  /** A table name as the statement writes it, {@code t} or {@code s.t}, kept qualified (unlike {@link ObjectName}). */
  private record Name(List<String> parts, int next) {

    static Name at(Statement s, int i) {
      if (i >= s.size() || !isName(s.get(i))) {
        return null;
      }
      List<String> parts = new ArrayList<>(List.of(s.get(i).identifier()));
      int next = i + 1;
      while (next + 1 < s.size() && s.get(next).is(TokenKind.DOT) && isName(s.get(next + 1))) {
        parts.add(s.get(next + 1).identifier());
        next += 2;
      }
      if (parts.size() > 3) {
        return null;
      }
      return new Name(parts.size() == 3 ? parts.subList(1, 3) : parts, next);
    }

    private static boolean isName(Token token) {
      return token.is(TokenKind.WORD) || token.is(TokenKind.QUOTED_IDENTIFIER);
    }

    String quoted() {
      StringBuilder text = new StringBuilder();
      for (String part : parts) {
        text.append(text.length() == 0 ? "" : ".").append(new Identifier(part).quoted());
      }
      return text.toString();
    }
  }
}
