package dev.flywayzdm.callback;

import dev.flywayzdm.config.ZdmSettings;

/**
 * The seam through which {@link ZeroDowntimeCallback} lints each SQL migration just before it runs
 * (when {@code flyway.zdm.lint} is not {@code off}). The linter module provides the implementation
 * through {@link java.util.ServiceLoader} ({@code META-INF/services/dev.flywayzdm.callback.SqlMigrationLinter});
 * without one, SQL migrations are not linted.
 *
 * <p>An implementation logs its findings and, in {@link dev.flywayzdm.config.LintMode#FAIL} mode,
 * throws a {@link MigrationRefusedException} naming the migration, the statement and the rule.
 */
public interface SqlMigrationLinter {

  /**
   * Lints one migration.
   *
   * @param migration the migration's name for messages ({@code V7__add_index})
   * @param sql the file's text, placeholders not yet replaced
   * @param settings the run's settings; {@link ZdmSettings#lint()} is {@code WARN} or {@code FAIL}
   */
  void lint(String migration, String sql, ZdmSettings settings);
}
