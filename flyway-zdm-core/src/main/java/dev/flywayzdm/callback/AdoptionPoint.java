package dev.flywayzdm.callback;

import dev.flywayzdm.config.ZdmSettings;
import dev.flywayzdm.internal.history.SchemaHistory;
import dev.flywayzdm.internal.pg.Identifier;
import dev.flywayzdm.internal.pg.QualifiedName;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.sql.Statement;
import java.time.OffsetDateTime;
import java.util.Optional;
import org.flywaydb.core.api.MigrationVersion;
import org.flywaydb.core.api.configuration.Configuration;
import dev.flywayzdm.internal.logging.ZdmLog;

/**
 * Where flyway-zdm's rules begin in a database's migration history. Migrations up to and including
 * {@link #startAfter()} were written before the project adopted flyway-zdm: they run as plain Flyway
 * runs them (no destructive-statement gate, no lint findings), so an old history still replays on a
 * fresh database. Later migrations, and repeatable ones, are under the rules.
 *
 * <p>The point is {@code flyway.zdm.startAfter} when set. Otherwise it is what the callback recorded
 * the first time it ran against this database, in the table {@value #TABLE} beside Flyway's history
 * table: the highest version applied by then (a baseline counts), or nothing on a database flyway-zdm
 * has seen from its first migration. The record is written once and never moved, so adding flyway-zdm
 * to a project at version N keeps N+1 onwards under the rules on every later run.
 *
 * @param startAfter the last version from before flyway-zdm; empty when every migration is under the rules
 * @param source where it comes from, for the log
 */
record AdoptionPoint(Optional<MigrationVersion> startAfter, String source) {

  private static final ZdmLog LOG = ZdmLog.of(AdoptionPoint.class);

  /** The table flyway-zdm owns, in the schema of Flyway's history table. */
  static final String TABLE = "flyway_zdm_adoption";

  /** Every migration is under the rules (no setting and nothing recorded). */
  static final AdoptionPoint NONE = new AdoptionPoint(Optional.empty(), "none");

  /** Whether a migration of this version (null for a repeatable one) runs under flyway-zdm's rules. */
  boolean governs(MigrationVersion version) {
    return version == null || startAfter.isEmpty() || version.compareTo(startAfter.get()) > 0;
  }

  /**
   * The setting when given, else the recorded point, recording it now when this is the first run.
   * A database user that may not create the table gets a warning and every migration under the rules.
   */
  static AdoptionPoint resolve(Connection connection, Configuration configuration, ZdmSettings settings)
      throws SQLException {
    if (settings.startAfter().isPresent()) {
      return new AdoptionPoint(settings.startAfter().map(MigrationVersion::fromVersion), "flyway.zdm.startAfter");
    }
    if (connection == null) {
      return NONE;
    }
    SchemaHistory history = SchemaHistory.of(configuration);
    QualifiedName table = new QualifiedName(history.table().schema(), Identifier.of("table", TABLE));
    Savepoint savepoint = connection.getAutoCommit() ? null : connection.setSavepoint();
    try {
      try (Statement statement = connection.createStatement()) {
        statement.execute("CREATE TABLE IF NOT EXISTS " + table.quoted() + " ("
            + "id boolean PRIMARY KEY DEFAULT true CHECK (id), "
            + "start_after text, "
            + "adopted_at timestamptz NOT NULL DEFAULT now(), "
            + "adopted_by text NOT NULL DEFAULT current_user)");
        statement.execute("COMMENT ON TABLE " + table.quoted() + " IS 'flyway-zdm: migrations up to and including"
            + " start_after ran before flyway-zdm was adopted and run as plain Flyway runs them'");
      }
      Optional<String> highest = history.highestApplied(connection);
      try (PreparedStatement insert = connection.prepareStatement("INSERT INTO " + table.quoted()
          + " (start_after) VALUES (?) ON CONFLICT (id) DO NOTHING")) {
        insert.setString(1, highest.orElse(null));
        insert.executeUpdate();
      }
      try (PreparedStatement select = connection.prepareStatement("SELECT start_after, adopted_at FROM " + table.quoted());
          ResultSet rows = select.executeQuery()) {
        rows.next();
        String version = rows.getString(1);
        OffsetDateTime at = rows.getObject(2, OffsetDateTime.class);
        return new AdoptionPoint(Optional.ofNullable(version).map(MigrationVersion::fromVersion),
            "recorded in " + table.quoted() + " when flyway-zdm first ran here, " + at);
      }
    } catch (SQLException e) {
      if (savepoint != null) {
        connection.rollback(savepoint);
      }
      LOG.warn("flyway-zdm: could not read or record the adoption point in {}: {}. Every pending migration is under"
          + " flyway-zdm's rules; set flyway.zdm.startAfter to the last version from before flyway-zdm to change that",
          table.quoted(), e.getMessage());
      return NONE;
    } finally {
      if (savepoint != null) {
        try {
          connection.releaseSavepoint(savepoint);
        } catch (SQLException ignored) {
          // already rolled back to it
        }
      }
    }
  }

  /** For the log: what runs as plain Flyway. */
  String describe() {
    return startAfter.map(v -> "migrations up to and including " + v + " predate flyway-zdm (" + source + "): they run"
        + " as plain Flyway runs them, without the destructive-statement gate or lint findings")
        .orElse("every pending migration is under flyway-zdm's rules (" + source + ")");
  }
}
