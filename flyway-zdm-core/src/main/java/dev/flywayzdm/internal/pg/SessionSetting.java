package dev.flywayzdm.internal.pg;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Set;

/**
 * A session-level setting changed on a connection that is not flyway-zdm's own (a pooled one),
 * and put back exactly as it came: to the value it had, and to the source it had it from. A value
 * the session got from its start (server default, role or database setting, connection options)
 * is put back with {@code RESET}, so that the setting does not become a session {@code SET} of
 * the same value; a value the owner had {@code SET} is set again.
 *
 * <p>Only for statements that cannot run in a transaction: everywhere else flyway-zdm uses
 * {@code SET LOCAL} ({@link ShortTransaction}). Nothing is changed when the connection already
 * has the wanted value, which is the usual case for the long concurrent statements (both timeouts
 * off): then the connection sees no {@code SET} at all, which matters behind a transaction-pooling
 * PgBouncer, where a session {@code SET} would land on whatever server connection is next.
 */
public final class SessionSetting {

  /** The only settings changed this way; the name is spliced into {@code RESET}, so it must be one of ours. */
  private static final Set<String> KNOWN = Set.of("lock_timeout", "statement_timeout");

  private final String name;
  private final String original;
  private final boolean originalWasSet;
  private boolean changed;

  private SessionSetting(String name, String original, boolean originalWasSet) {
    this.name = name;
    this.original = original;
    this.originalWasSet = originalWasSet;
  }

  /** Reads the setting's current value and where it came from, changing nothing. */
  public static SessionSetting of(Connection connection, String name) throws SQLException {
    if (!KNOWN.contains(name)) {
      throw new IllegalArgumentException("not a setting flyway-zdm changes per session: " + name);
    }
    try (PreparedStatement statement = connection.prepareStatement(
        "SELECT current_setting(name), source = 'session' FROM pg_settings WHERE name = ?")) {
      statement.setString(1, name);
      try (ResultSet rows = statement.executeQuery()) {
        rows.next();
        return new SessionSetting(name, rows.getString(1), rows.getBoolean(2));
      }
    }
  }

  /** The value the connection came with, as {@code current_setting} shows it ({@code 0}, {@code 2s}). */
  public String original() {
    return original;
  }

  /** Whether the connection came with the setting off (value {@code 0}). */
  public boolean originallyOff() {
    return "0".equals(original);
  }

  /** Sets {@code value} for the session ({@code set_config}: never spliced into SQL). */
  public void set(Connection connection, String value) throws SQLException {
    try (PreparedStatement statement = connection.prepareStatement("SELECT set_config(?, ?, false)")) {
      statement.setString(1, name);
      statement.setString(2, value);
      statement.execute();
    }
    changed = true;
  }

  /** Turns the setting off for the session, unless it is already off. */
  public void turnOff(Connection connection) throws SQLException {
    if (!originallyOff() || changed) {
      set(connection, "0");
    }
  }

  /** Whether {@link #set} was called since the last {@link #restore}. */
  public boolean changed() {
    return changed;
  }

  /** Puts the original back if anything was changed; see the class description. */
  public void restore(Connection connection) throws SQLException {
    if (changed) {
      putBack(connection);
    }
  }

  /**
   * Puts the original back if it was changed here or the value differs now (the owner's statements
   * may have set it themselves); outside a transaction only.
   */
  public void restoreIfDifferent(Connection connection) throws SQLException {
    if (changed || !original.equals(current(connection))) {
      putBack(connection);
    }
  }

  private String current(Connection connection) throws SQLException {
    try (PreparedStatement statement = connection.prepareStatement("SELECT current_setting(?)")) {
      statement.setString(1, name);
      try (ResultSet rows = statement.executeQuery()) {
        rows.next();
        return rows.getString(1);
      }
    }
  }

  /**
   * Puts the original back whatever happened since it was read: after a migration that may have
   * set the value itself. In a transaction it takes effect at commit.
   */
  public void putBack(Connection connection) throws SQLException {
    changed = false;
    if (originalWasSet) {
      set(connection, original);
      changed = false;
    } else {
      try (Statement statement = connection.createStatement()) {
        statement.execute("RESET " + name);
      }
    }
  }
}
