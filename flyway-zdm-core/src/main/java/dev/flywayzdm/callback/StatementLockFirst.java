package dev.flywayzdm.callback;

import dev.flywayzdm.config.ZdmSettings;
import dev.flywayzdm.internal.flyway.MigrationName;
import dev.flywayzdm.internal.lockfirst.AttemptBounds;
import dev.flywayzdm.internal.lockfirst.LockFirst;
import dev.flywayzdm.internal.lockfirst.LockTarget;
import dev.flywayzdm.internal.lockfirst.StatementLocks;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.configuration.Configuration;

/**
 * Before a SQL migration's statement that takes a table lock the application would queue behind
 * ({@link StatementLocks}), takes that lock first in short attempts ({@link LockFirst}), naming the
 * sessions in the way on each one. Living in the callback, it serves every runner that runs the
 * callback: the flyway-maven-plugin, the Flyway command line, {@code Flyway.migrate()}, Spring Boot.
 * Off with {@code flyway.zdm.lockAttemptTimeout=0}.
 */
final class StatementLockFirst {

  /**
   * @throws SQLException {@code LockWaitExhaustedException} when the bounds are spent; the migration fails
   *     and, in a transaction, rolls back
   */
  void before(Connection connection, Configuration configuration, MigrationInfo info, String sql) throws SQLException {
    ZdmSettings settings = ZdmSettings.of(configuration);
    if (settings.lockAttemptTimeout().isZero()) {
      return;
    }
    List<LockTarget> targets = StatementLocks.of(sql);
    if (targets.isEmpty()) {
      return;
    }
    String what = (info == null ? "flyway-zdm" : MigrationName.of(info)) + ": " + StatementText.command(sql);
    new LockFirst(bounds(settings)).acquire(connection, what, targets);
  }

  static AttemptBounds bounds(ZdmSettings settings) {
    return new AttemptBounds(settings.lockAttemptTimeout(), settings.lockTimeout(), settings.lockRetryMinBackoff(), settings.lockRetryMaxBackoff(), settings.lockRetryMaxTotal());
  }
}
