package dev.flywayzdm.internal.flyway;

import org.flywaydb.core.api.MigrationInfo;

/**
 * The name flyway-zdm gives a migration in its log lines, errors and soak gate verdicts:
 * the script's base name, the same for SQL and Java migrations.
 *
 * <pre>{@code
 * for (MigrationInfo info : flyway.info().pending()) {
 *   String name = MigrationName.of(info); // "V7__add_index" for V7__add_index.sql and com.acme.V7__add_index
 * }
 * }</pre>
 */
public final class MigrationName {

  private static final String SQL_SUFFIX = ".sql";

  private MigrationName() {}

  /**
   * {@code V7__add_index} for both {@code db/migration/V7__add_index.sql} and
   * {@code com.acme.V7__add_index}; the version when Flyway knows no script.
   */
  public static String of(MigrationInfo info) {
    String script = info.getScript();
    if (script == null) {
      return String.valueOf(info.getVersion());
    }
    if (script.endsWith(SQL_SUFFIX)) {
      String file = script.substring(script.lastIndexOf('/') + 1);
      return file.substring(0, file.length() - SQL_SUFFIX.length());
    }
    return script.substring(script.lastIndexOf('.') + 1);
  }
}
