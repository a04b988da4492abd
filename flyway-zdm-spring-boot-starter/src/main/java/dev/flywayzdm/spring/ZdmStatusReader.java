package dev.flywayzdm.spring;

import dev.flywayzdm.config.ZdmSettings;
import dev.flywayzdm.internal.backfill.BackfillProgress;
import dev.flywayzdm.internal.flyway.MigrationName;
import dev.flywayzdm.internal.history.SoakGate;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.MigrationInfoService;
import org.flywaydb.core.api.configuration.Configuration;

/**
 * Reads {@link ZdmStatus} through the application's Flyway: its {@code info()}, the soak gates of the
 * pending contracts, and the checkpoint table of the backfills. Each call reads afresh.
 *
 * <p>The checkpoint table is read in a transaction of its own with {@code SET LOCAL statement_timeout}
 * (the pooled connection goes back as it came); Flyway's {@code info()} and the gates use Flyway's own
 * connections and are bounded by the pool's and the server's settings.
 */
final class ZdmStatusReader {

  /** A status read must never hang a health probe behind a lock on the checkpoint table. */
  static final String READ_TIMEOUT = "5s";

  private final Flyway flyway;
  private final SoakingContracts mode;

  ZdmStatusReader(Flyway flyway, SoakingContracts mode) {
    this.flyway = flyway;
    this.mode = mode;
  }

  ZdmStatus read() {
    Configuration configuration = flyway.getConfiguration();
    MigrationInfoService info = flyway.info();
    Optional<String> version = Optional.ofNullable(info.current()).map(MigrationInfo::getVersion).map(String::valueOf);
    List<String> pending = Arrays.stream(info.pending()).map(MigrationName::of).toList();
    List<String> failed = Arrays.stream(info.all()).filter(migration -> migration.getState().isFailed())
        .map(MigrationName::of).toList();
    return new ZdmStatus(version, pending, failed, SoakGate.status(flyway, ZdmSettings.of(configuration).soak()),
        backfills(configuration), mode);
  }

  private static List<BackfillProgress> backfills(Configuration configuration) {
    try (Connection connection = configuration.getDataSource().getConnection()) {
      boolean autoCommit = connection.getAutoCommit();
      connection.setAutoCommit(false);
      try (Statement statement = connection.createStatement()) {
        statement.execute("SET LOCAL statement_timeout = '" + READ_TIMEOUT + "'");
        return BackfillProgress.unfinished(connection, configuration);
      } finally {
        connection.rollback();
        connection.setAutoCommit(autoCommit);
      }
    } catch (SQLException e) {
      throw new IllegalStateException("flyway-zdm: could not read the backfill checkpoint table flyway_zdm_backfill: "
          + e.getMessage(), e);
    }
  }
}
