package dev.flywayzdm.callback;

import dev.flywayzdm.internal.history.MigrationReader;
import dev.flywayzdm.lint.Linter;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.MigrationState;
import org.flywaydb.core.api.configuration.Configuration;
import dev.flywayzdm.internal.logging.ZdmLog;

/**
 * Gives a run's lint session the migrations the database already ran, as context: their tables
 * exist and hold rows, their column types and validated checks are known, and they report nothing.
 * Without it the callback would judge the pending migrations against an unknown schema.
 */
final class AppliedLintContext {

  private static final ZdmLog LOG = ZdmLog.of(AppliedLintContext.class);

  private AppliedLintContext() {}

  /** Reads every successfully applied SQL migration whose text is still there, in the order it ran. */
  static void readInto(Linter.Session session, Configuration configuration) {
    Optional<List<MigrationInfo>> applied = applied(configuration);
    if (applied.isEmpty()) {
      return;
    }
    int read = 0;
    int unreadable = 0;
    for (MigrationInfo info : applied.get()) {
      if (!MigrationReader.isSql(info)) {
        continue;
      }
      Optional<String> sql = MigrationReader.sqlText(info, configuration);
      if (sql.isEmpty()) {
        unreadable++;
        continue;
      }
      session.lint(LintSources.of(info, sql.get(), configuration).source().asApplied());
      read++;
    }
    LOG.info("flyway-zdm lint: {} applied SQL migrations read as context{}", read,
        unreadable == 0 ? "" : " (" + unreadable + " applied ones are no longer in the locations)");
  }

  /**
   * The applied migrations by installed rank; empty (logged) when Flyway cannot list them. A second
   * Flyway on the same configuration: info() fires no migrate events, so the callback is not re-entered.
   */
  private static Optional<List<MigrationInfo>> applied(Configuration configuration) {
    try {
      MigrationInfo[] applied = Flyway.configure(configuration.getClassLoader()).configuration(configuration).load()
          .info().applied();
      return Optional.of(Arrays.stream(applied)
          .filter(i -> i.getState() == MigrationState.SUCCESS || i.getState() == MigrationState.OUT_OF_ORDER)
          .sorted(Comparator.comparing(i -> i.getInstalledRank() == null ? Integer.MAX_VALUE : i.getInstalledRank()))
          .toList());
    } catch (RuntimeException | LinkageError e) {
      LOG.warn("flyway-zdm lint: could not list the applied migrations ({}): pending ones are linted without the"
          + " applied schema, so every table they touch counts as existing", e.toString());
      return Optional.empty();
    }
  }
}
