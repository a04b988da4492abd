package dev.flywayzdm.callback;

import dev.flywayzdm.internal.pg.Identifier;
import dev.flywayzdm.internal.pg.QualifiedName;
import dev.flywayzdm.lint.internal.lexer.Lexer;
import dev.flywayzdm.lint.internal.lexer.Statement;
import dev.flywayzdm.lint.internal.lexer.StatementSplitter;
import dev.flywayzdm.lint.internal.lexer.TokenKind;
import dev.flywayzdm.lint.internal.sql.AlterAction;
import dev.flywayzdm.lint.internal.sql.AlterTable;
import dev.flywayzdm.lint.internal.sql.CreateIndex;
import dev.flywayzdm.lint.internal.sql.ObjectName;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A statement of a SQL migration that waits for older transactions instead of taking a strong
 * lock: {@code CREATE INDEX CONCURRENTLY}, {@code DROP INDEX CONCURRENTLY}, {@code REINDEX ...
 * CONCURRENTLY}, {@code ALTER TABLE ... DETACH PARTITION ... CONCURRENTLY}. Read with the linter's
 * lexer, so comments, quoting and case are handled as everywhere else.
 *
 * @param kind what it does, for logs ({@code CREATE INDEX CONCURRENTLY})
 * @param table the table it works on, when the statement names one
 * @param index the index it builds ({@code CREATE INDEX}), or empty when PostgreSQL picks the name
 * @param reindexed the index ({@code REINDEX INDEX}) or table ({@code REINDEX TABLE}) rebuilt
 * @param reindexTable whether {@code reindexed} is a table
 */
record ConcurrentStatement(String kind, Optional<QualifiedName> table, Optional<Identifier> index,
    Optional<QualifiedName> reindexed, boolean reindexTable) {

  /** The statement, when {@code sql} is one statement of the kinds above. */
  static Optional<ConcurrentStatement> of(String sql) {
    List<Statement> statements = StatementSplitter.split(Lexer.lex(sql).tokens(), Statement.Origin.FILE);
    if (statements.size() != 1 || !statements.get(0).containsWord("CONCURRENTLY")) {
      return Optional.empty();
    }
    Statement s = statements.get(0);
    CreateIndex create = CreateIndex.read(s);
    if (create != null) {
      if (!create.concurrently()) {
        return Optional.empty();
      }
      int on = s.indexOfWord("ON", 0);
      Optional<QualifiedName> table = on < 0 ? Optional.empty() : qualified(s, ObjectName.skipModifiers(s, on + 1));
      Optional<Identifier> index = Optional.ofNullable(create.name()).map(name -> Identifier.of("index", name));
      return Optional.of(new ConcurrentStatement("CREATE INDEX CONCURRENTLY", table, index, Optional.empty(), false));
    }
    if (s.startsWith("DROP", "INDEX", "CONCURRENTLY")) {
      return Optional.of(new ConcurrentStatement("DROP INDEX CONCURRENTLY", Optional.empty(), Optional.empty(),
          Optional.empty(), false));
    }
    if (s.startsWith("REINDEX")) {
      int at = 1;
      if (s.size() > at && s.get(at).is(TokenKind.OPEN_PAREN)) {
        at = closingParen(s, at) + 1;
      }
      boolean isTable = s.isWord(at, "TABLE");
      boolean isIndex = s.isWord(at, "INDEX");
      if (!s.isWord(at + 1, "CONCURRENTLY")) {
        return Optional.empty();
      }
      Optional<QualifiedName> target = isTable || isIndex ? qualified(s, at + 2) : Optional.empty();
      return Optional.of(new ConcurrentStatement("REINDEX CONCURRENTLY", Optional.empty(), Optional.empty(), target, isTable));
    }
    AlterTable alter = AlterTable.read(s);
    if (alter != null && alter.actions().stream()
        .anyMatch(a -> a.kind() == AlterAction.Kind.DETACH_PARTITION && a.concurrently())) {
      return Optional.of(new ConcurrentStatement("DETACH PARTITION CONCURRENTLY",
          qualified(s, ObjectName.skipModifiers(s, 2)), Optional.empty(), Optional.empty(), false));
    }
    return Optional.empty();
  }

  /** {@code name} or {@code schema.name} at {@code i}, folded as PostgreSQL folds it. */
  private static Optional<QualifiedName> qualified(Statement s, int i) {
    List<String> parts = new ArrayList<>();
    int at = i;
    while (at < s.size() && s.get(at).isIdentifier()) {
      parts.add(s.get(at).identifier());
      if (at + 1 < s.size() && s.get(at + 1).is(TokenKind.DOT)) {
        at += 2;
      } else {
        break;
      }
    }
    if (parts.isEmpty() || parts.size() > 3) {
      return Optional.empty();
    }
    Identifier name = Identifier.of("object", parts.get(parts.size() - 1));
    Optional<Identifier> schema = parts.size() >= 2 ? Optional.of(Identifier.of("schema", parts.get(parts.size() - 2)))
        : Optional.empty();
    return Optional.of(new QualifiedName(schema, name));
  }

  private static int closingParen(Statement s, int open) {
    int depth = 0;
    for (int i = open; i < s.size(); i++) {
      if (s.get(i).is(TokenKind.OPEN_PAREN)) {
        depth++;
      } else if (s.get(i).is(TokenKind.CLOSE_PAREN) && --depth == 0) {
        return i;
      }
    }
    return s.size();
  }
}
