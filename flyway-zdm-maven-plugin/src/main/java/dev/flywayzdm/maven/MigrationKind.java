package dev.flywayzdm.maven;

import dev.flywayzdm.lint.MigrationDirectives;
import dev.flywayzdm.migration.Contract;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * What a migration does in an expand / contract rollout, for {@code zdm:status}: read from the
 * flyway-zdm base class or {@link Contract} of a Java migration, or from the directives and leading
 * statements of a SQL migration. A display aid only; nothing is decided on it.
 */
enum MigrationKind {
  EXPAND, CONTRACT, BACKFILL, INDEX, CONSTRAINT, PLAIN;

  private static final Pattern LINE_COMMENT = Pattern.compile("--[^\\n]*");
  private static final Pattern BLOCK_COMMENT = Pattern.compile("/\\*.*?\\*/", Pattern.DOTALL);
  private static final Pattern INDEX_DDL = Pattern.compile("\\b(create\\s+(unique\\s+)?index|reindex|drop\\s+index)\\b");
  private static final Pattern CONSTRAINT_DDL =
      Pattern.compile("\\b(add\\s+constraint|validate\\s+constraint|set\\s+not\\s+null|add\\s+(primary\\s+key|foreign\\s+key|check|unique))\\b");
  private static final Pattern EXPAND_DDL =
      Pattern.compile("\\b(create\\s+table|add\\s+column|create\\s+(or\\s+replace\\s+)?(trigger|function|view))\\b");
  private static final Pattern BACKFILL_DML = Pattern.compile("\\b(update|insert\\s+into)\\b");

  String label() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** The kind of a SQL migration: a {@code zdm:contract} directive, else what its statements do. */
  static MigrationKind ofSql(String sql) {
    if (MigrationDirectives.parse(sql).expandVersion().isPresent()) {
      return CONTRACT;
    }
    String code = LINE_COMMENT.matcher(BLOCK_COMMENT.matcher(sql).replaceAll(" ")).replaceAll(" ")
        .toLowerCase(Locale.ROOT);
    if (INDEX_DDL.matcher(code).find()) {
      return INDEX;
    }
    if (CONSTRAINT_DDL.matcher(code).find()) {
      return CONSTRAINT;
    }
    if (EXPAND_DDL.matcher(code).find()) {
      return EXPAND;
    }
    if (BACKFILL_DML.matcher(code).find()) {
      return BACKFILL;
    }
    return PLAIN;
  }

  /** The kind of a Java migration: {@link Contract}, else the flyway-zdm base class it extends. */
  static MigrationKind ofJava(Class<?> migration) {
    if (migration.isAnnotationPresent(Contract.class)) {
      return CONTRACT;
    }
    for (Class<?> type = migration.getSuperclass(); type != null; type = type.getSuperclass()) {
      String name = type.getSimpleName();
      if (!type.getName().startsWith("dev.flywayzdm.")) {
        continue;
      }
      if (name.contains("Contract")) {
        return CONTRACT;
      }
      if (name.contains("Backfill")) {
        return BACKFILL;
      }
      if (name.contains("Index")) {
        return INDEX;
      }
      if (name.contains("Constraint")) {
        return CONSTRAINT;
      }
      if (name.contains("Expand")) {
        return EXPAND;
      }
    }
    return PLAIN;
  }
}
