package dev.flywayzdm.lint.internal.sql;

import dev.flywayzdm.lint.internal.lexer.Statement;

/**
 * A {@code CREATE [UNIQUE] INDEX [CONCURRENTLY] [IF NOT EXISTS] [name] ON [ONLY] table ...} statement.
 *
 * @param name the index name, or null when PostgreSQL picks one
 * @param table the indexed table, or null when it could not be read
 * @param only whether it says {@code ON ONLY}: on a partitioned table that creates an invalid parent index
 *     and builds nothing, the partitions' indexes are built and attached one by one
 */
public record CreateIndex(
    boolean unique, boolean concurrently, boolean ifNotExists, String name, String table, boolean only) {

  /** Reads the statement; null when it is not a CREATE INDEX. */
  public static CreateIndex read(Statement s) {
    boolean unique = s.isWord(1, "UNIQUE");
    int at = unique ? 2 : 1;
    if (!s.isWord(0, "CREATE") || !s.isWord(at, "INDEX")) {
      return null;
    }
    at++;
    boolean concurrently = s.isWord(at, "CONCURRENTLY");
    if (concurrently) {
      at++;
    }
    boolean ifNotExists = s.matchesAt(at, "IF", "NOT", "EXISTS");
    at = ObjectName.skipModifiers(s, at);
    ObjectName name = s.isWord(at, "ON") ? null : ObjectName.at(s, at);
    int on = s.indexOfWord("ON", at);
    ObjectName table = on < 0 ? null : ObjectName.at(s, ObjectName.skipModifiers(s, on + 1));
    return new CreateIndex(unique, concurrently, ifNotExists, name == null ? null : name.name(),
        table == null ? null : table.name(), on >= 0 && s.isWord(on + 1, "ONLY"));
  }
}
