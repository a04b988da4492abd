package dev.flywayzdm.callback;

import dev.flywayzdm.config.LintMode;
import dev.flywayzdm.config.ZdmSettings;
import dev.flywayzdm.internal.flyway.MigrationName;
import dev.flywayzdm.internal.history.MigrationReader;
import dev.flywayzdm.lint.Finding;
import dev.flywayzdm.lint.LintOptions;
import dev.flywayzdm.lint.Linter;
import dev.flywayzdm.lint.Severity;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.configuration.Configuration;
import dev.flywayzdm.internal.logging.ZdmLog;

/**
 * The linter inside the callback ({@code flyway.zdm.lint}): each SQL migration is linted just before it
 * runs, in one {@link Linter.Session} per migrate run that first reads the applied migrations as context
 * ({@link AppliedLintContext}), so a table created by an earlier migration of the run is known to be new
 * and empty and one from an applied migration to be existing, with its column types. {@code warn} logs
 * the findings; {@code fail} also refuses a
 * migration with error-level findings before any of its statements runs.
 */
final class MigrationLint {

  private static final ZdmLog LOG = ZdmLog.of(MigrationLint.class);

  /** The session of each run in progress, by its Flyway configuration (one callback may serve several Flyways). */
  private final Map<Configuration, Linter.Session> runs = Collections.synchronizedMap(new IdentityHashMap<>());

  /** Forgets what an earlier run of this configuration learnt: a new run starts from the database as it is. */
  void reset(Configuration configuration) {
    runs.remove(configuration);
  }

  /**
   * Lints the migration about to run on {@code connection}.
   *
   * @throws MigrationRefusedException with {@code flyway.zdm.lint=fail} when it has error-level findings
   */
  void check(Connection connection, Configuration configuration, MigrationInfo info, boolean transactional,
      ZdmSettings settings, AdoptionPoint adoption) throws SQLException {
    if (settings.lint() == LintMode.OFF || !MigrationReader.isSql(info)) {
      return;
    }
    String migration = MigrationName.of(info);
    Optional<String> sql = MigrationReader.sqlText(info, configuration);
    if (sql.isEmpty()) {
      LOG.warn("{}: not linted: its SQL text could not be read from {}", migration, info.getScript());
      return;
    }
    Linter.Session session = runs.get(configuration);
    if (session == null) {
      session = new Linter(options(connection, settings, adoption)).session();
      AppliedLintContext.readInto(session, configuration);
      runs.put(configuration, session);
    }
    // The real transaction mode, not a guess from the statements: Flyway has already decided it.
    LintSources lintSource = LintSources.of(info, sql.get(), configuration);
    List<Finding> findings = session.lint(lintSource.source().withExecuteInTransaction(transactional)).stream()
        .map(lintSource::inFile).toList();
    for (Finding finding : findings) {
      LOG.warn("flyway-zdm lint: {} ({}). Fix: {} See {}", finding.toText(), finding.severity().label(), finding.fix(),
          finding.helpUri());
    }
    List<Finding> errors = findings.stream().filter(f -> f.severity() == Severity.ERROR).toList();
    if (settings.lint() == LintMode.FAIL && !errors.isEmpty()) {
      throw new MigrationRefusedException("flyway-zdm: " + migration + " refused by the linter (flyway.zdm.lint=fail),"
          + " nothing of it ran:\n" + errors.stream().map(f -> "  " + f.toText() + "\n    Fix: " + f.fix() + "\n    See: " + f.helpUri() + "\n")
              .collect(Collectors.joining())
          + "Change the migration, or if a finding does not apply say why on the line above the statement:"
          + " -- zdm:ignore <rule-id> <reason>");
    }
  }

  /**
   * The settings' rules and severities, for the connected server's major version, with the callback
   * active; migrations before the adoption point are read for their schema and report nothing.
   */
  private static LintOptions options(Connection connection, ZdmSettings settings, AdoptionPoint adoption)
      throws SQLException {
    return settings.lintOptions().toBuilder().callbackActive(true).targetMajor(serverMajor(connection))
        .startAfter(adoption.startAfter().map(Object::toString).orElse(null)).build();
  }

  private static int serverMajor(Connection connection) throws SQLException {
    try (Statement statement = connection.createStatement();
        ResultSet rows = statement.executeQuery("SHOW server_version_num")) {
      rows.next();
      return Integer.parseInt(rows.getString(1).trim()) / 10_000;
    }
  }
}
