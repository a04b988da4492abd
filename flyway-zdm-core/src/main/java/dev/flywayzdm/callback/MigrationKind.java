package dev.flywayzdm.callback;

import dev.flywayzdm.lint.MigrationDirectives;
import dev.flywayzdm.migration.BatchedBackfillMigration;
import dev.flywayzdm.migration.ConcurrentIndexMigration;
import dev.flywayzdm.migration.Contract;
import dev.flywayzdm.migration.DualWriteContractMigration;
import dev.flywayzdm.migration.DualWriteExpandMigration;
import dev.flywayzdm.migration.ValidatedConstraintMigration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.flywaydb.core.api.MigrationInfo;

/**
 * What a migration does in an expand / contract rollout, for status reports: read from the
 * {@link Contract} annotation or flyway-zdm base class of a Java migration, or from the
 * {@code zdm:contract} directive ({@link MigrationDirectives}) and the statements of a SQL migration.
 * A display aid only: the soak gate and the destructive-statement gate never decide on it.
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

  private static final Pattern LINE_COMMENT = Pattern.compile("--[^\\n]*");
  private static final Pattern BLOCK_COMMENT = Pattern.compile("/\\*.*?\\*/", Pattern.DOTALL);
  private static final Pattern INDEX_DDL = Pattern.compile("\\b(create\\s+(unique\\s+)?index|reindex|drop\\s+index)\\b");
  private static final Pattern CONSTRAINT_DDL = Pattern.compile(
      "\\b(add\\s+constraint|validate\\s+constraint|set\\s+not\\s+null|add\\s+(primary\\s+key|foreign\\s+key|check|unique))\\b");
  private static final Pattern EXPAND_DDL =
      Pattern.compile("\\b(create\\s+table|add\\s+column|create\\s+(or\\s+replace\\s+)?(trigger|function|view))\\b");
  private static final Pattern BACKFILL_DML = Pattern.compile("\\b(update|insert\\s+into)\\b");

  /** SQL patterns in the order they are tried: the first that matches decides. */
  private static final List<Map.Entry<Pattern, MigrationKind>> SQL_KINDS = List.of(
      Map.entry(INDEX_DDL, INDEX), Map.entry(CONSTRAINT_DDL, CONSTRAINT), Map.entry(EXPAND_DDL, EXPAND),
      Map.entry(BACKFILL_DML, BACKFILL));

  /** flyway-zdm's base classes, by name so that a class loaded by another loader is recognised too. */
  private static final Map<String, MigrationKind> BASE_CLASSES = Map.of(
      DualWriteContractMigration.class.getName(), CONTRACT,
      BatchedBackfillMigration.class.getName(), BACKFILL,
      ConcurrentIndexMigration.class.getName(), INDEX,
      ValidatedConstraintMigration.class.getName(), CONSTRAINT,
      DualWriteExpandMigration.class.getName(), EXPAND);

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
    if (MigrationDirectives.parse(sql).contractStep()) {
      return CONTRACT;
    }
    String code = LINE_COMMENT.matcher(BLOCK_COMMENT.matcher(sql).replaceAll(" ")).replaceAll(" ")
        .toLowerCase(Locale.ROOT);
    return SQL_KINDS.stream().filter(kind -> kind.getKey().matcher(code).find()).map(Map.Entry::getValue)
        .findFirst().orElse(PLAIN);
  }

  /** The kind of a Java migration: {@link Contract}, else the nearest flyway-zdm base class it extends. */
  public static MigrationKind ofJava(Class<?> migration) {
    if (migration.isAnnotationPresent(Contract.class)) {
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
}
