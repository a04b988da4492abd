package dev.flywayzdm.internal.history;

import dev.flywayzdm.lint.internal.lexer.Lexer;
import dev.flywayzdm.lint.internal.lexer.Token;
import dev.flywayzdm.lint.internal.lexer.TokenKind;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.flywaydb.core.api.MigrationInfo;

/**
 * What a migration does in an expand / contract rollout, for status reports: read from the
 * {@code @Contract} annotation or flyway-zdm base class of a Java migration, or from the
 * {@code zdm:contract} directive and the statements of a SQL migration, read with the linter's lexer
 * (comments, strings and quoted names are never mistaken for statements). A display aid only: the
 * soak gate and the destructive-statement gate never decide on it.
 *
 * <pre>{@code
 * for (MigrationInfo info : flyway.info().pending()) {
 *   Optional<String> sql = ...; // the SQL file's text, when it is one
 *   MigrationKind.of(info, classLoader, sql).ifPresent(kind -> log.info("{}: {}", MigrationName.of(info), kind.label()));
 * }
 * }</pre>
 */
public enum MigrationKind {
  /** Adds what the new application version needs (tables, columns, triggers, dual writes). */
  EXPAND,
  /** Removes what only the old application version used; runs after its expand has soaked. */
  CONTRACT,
  /** Updates existing rows. */
  BACKFILL,
  /** Creates, drops or rebuilds an index. */
  INDEX,
  /** Adds or validates a constraint. */
  CONSTRAINT,
  /** None of the above. */
  PLAIN;

  /** Word sequences of each kind, in the order the kinds are tried: the first kind with a match decides. */
  private static final List<Map.Entry<MigrationKind, List<String[]>>> SQL_KINDS = List.of(
      Map.entry(INDEX, List.of(words("CREATE INDEX"), words("CREATE UNIQUE INDEX"), words("REINDEX"), words("DROP INDEX"))),
      Map.entry(CONSTRAINT, List.of(words("ADD CONSTRAINT"), words("VALIDATE CONSTRAINT"), words("SET NOT NULL"),
          words("ADD PRIMARY KEY"), words("ADD FOREIGN KEY"), words("ADD CHECK"), words("ADD UNIQUE"))),
      Map.entry(EXPAND, List.of(words("CREATE TABLE"), words("ADD COLUMN"), words("CREATE TRIGGER"),
          words("CREATE FUNCTION"), words("CREATE VIEW"), words("CREATE OR REPLACE TRIGGER"),
          words("CREATE OR REPLACE FUNCTION"), words("CREATE OR REPLACE VIEW"))),
      Map.entry(BACKFILL, List.of(words("UPDATE"), words("INSERT INTO"))));

  /**
   * flyway-zdm's base classes, by name: this internal package does not import the public
   * {@code migration} package, and a class loaded by another loader is recognised too.
   */
  static final Map<String, MigrationKind> BASE_CLASSES = Map.of(
      "dev.flywayzdm.migration.DualWriteContractMigration", CONTRACT,
      "dev.flywayzdm.migration.BatchedBackfillMigration", BACKFILL,
      "dev.flywayzdm.migration.ConcurrentIndexMigration", INDEX,
      "dev.flywayzdm.migration.ValidatedConstraintMigration", CONSTRAINT,
      "dev.flywayzdm.migration.DualWriteExpandMigration", EXPAND);

  /** The lower-case name shown in tables: {@code expand}, {@code contract}, ... */
  public String label() {
    return name().toLowerCase(Locale.ROOT);
  }

  /**
   * The kind of a migration Flyway lists: a SQL migration by {@code sql}, a Java one by its class
   * loaded (not initialised) with {@code classLoader}.
   *
   * @param sql the SQL file's text when {@code info} is a SQL migration; empty when it could not be read
   * @return empty when the source is unknown: no script, no SQL text, or a class that cannot be loaded
   */
  public static Optional<MigrationKind> of(MigrationInfo info, ClassLoader classLoader, Optional<String> sql) {
    String script = info.getScript();
    if (script == null) {
      return Optional.empty();
    }
    if (script.endsWith(".sql")) {
      return sql.map(MigrationKind::ofSql);
    }
    try {
      return Optional.of(ofJava(Class.forName(script, false, classLoader)));
    } catch (ClassNotFoundException | LinkageError e) {
      return Optional.empty();
    }
  }

  /** The kind of a SQL migration: a {@code zdm:contract} directive, else what its statements do. */
  public static MigrationKind ofSql(String sql) {
    if (MigrationDeclaration.isSqlContract(sql)) {
      return CONTRACT;
    }
    // Only words: comments and string literals are not tokens of this kind, quoted names are identifiers.
    List<String> words = Lexer.lex(sql).tokens().stream().filter(t -> t.is(TokenKind.WORD)).map(Token::upper).toList();
    for (Map.Entry<MigrationKind, List<String[]>> kind : SQL_KINDS) {
      if (kind.getValue().stream().anyMatch(sequence -> contains(words, sequence))) {
        return kind.getKey();
      }
    }
    return PLAIN;
  }

  /** The kind of a Java migration: {@code @Contract}, else the nearest flyway-zdm base class it extends. */
  public static MigrationKind ofJava(Class<?> migration) {
    if (MigrationDeclaration.isJavaContract(migration)) {
      return CONTRACT;
    }
    for (Class<?> type = migration.getSuperclass(); type != null; type = type.getSuperclass()) {
      MigrationKind kind = BASE_CLASSES.get(type.getName());
      if (kind != null) {
        return kind;
      }
    }
    return PLAIN;
  }

  private static String[] words(String text) {
    return text.split(" ");
  }

  private static boolean contains(List<String> words, String[] sequence) {
    for (int start = 0; start + sequence.length <= words.size(); start++) {
      int i = 0;
      while (i < sequence.length && words.get(start + i).equals(sequence[i])) {
        i++;
      }
      if (i == sequence.length) {
        return true;
      }
    }
    return false;
  }
}
