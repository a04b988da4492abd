package dev.flywayzdm.internal.pg;

import dev.flywayzdm.config.ZdmSettings;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** TEMPORARY stand-in for branch backfill's MigrationRun (same method shapes); replaced on merge. */
public final class LockedDdl {

  private static final Logger LOG = LoggerFactory.getLogger(LockedDdl.class);

  private final Connection connection;
  private final ZdmSettings settings;
  private final String name;

  public LockedDdl(Connection connection, ZdmSettings settings, String name) {
    this.connection = connection;
    this.settings = settings;
    this.name = name;
  }

  public Connection connection() {
    return connection;
  }

  public ZdmSettings settings() {
    return settings;
  }

  public String name() {
    return name;
  }

  public void info(String message, Object... arguments) {
    if (LOG.isInfoEnabled()) {
      LOG.info(name + ": " + message, arguments);
    }
  }

  public void ddl(String what, String quotedRelation, String sql) throws SQLException {
    transaction(what, quotedRelation, tx -> {
      try (Statement statement = tx.createStatement()) {
        statement.execute(sql);
      }
      return null;
    });
  }

  public <T> T transaction(String what, String quotedRelation, LockRetry.Work<T> work) throws SQLException {
    return new LockRetry(settings).run(connection, name + ": " + what, quotedRelation,
        c -> ShortTransaction.run(c, settings.lockTimeout(), settings.statementTimeout(), work));
  }
}
