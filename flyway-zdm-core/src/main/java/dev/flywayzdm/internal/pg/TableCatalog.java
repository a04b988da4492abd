package dev.flywayzdm.internal.pg;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What {@code pg_catalog} says about one table: its columns and its primary key. Names are bound
 * as parameters ({@code to_regclass(?)}), never spliced into the query.
 */
public final class TableCatalog {

  /** One column as the server describes it; {@code type} is {@code format_type()}'s text, safe to reuse in DDL. */
  public record Column(Identifier name, String type, boolean notNull) {}

  private TableCatalog() {}

  /**
   * Whether the relation exists (and is visible with this search_path). Asked with {@code to_regclass},
   * so a missing table never fails a statement: safe inside a transaction that must not abort.
   */
  public static boolean exists(Connection connection, QualifiedName table) throws SQLException {
    try (PreparedStatement statement = connection.prepareStatement("SELECT to_regclass(?) IS NOT NULL")) {
      statement.setString(1, table.quoted());
      try (ResultSet rows = statement.executeQuery()) {
        rows.next();
        return rows.getBoolean(1);
      }
    }
  }

  /** Throws naming {@code what} when the table does not exist (or is not visible with this search_path). */
  public static void requireTable(Connection connection, QualifiedName table, String what) throws SQLException {
    if (!exists(connection, table)) {
      throw new IllegalStateException(what + ": table " + table + " does not exist (names are case-sensitive;"
          + " qualify it as schema.table when it is not on the search_path)");
    }
  }

  /** The live (not dropped) columns in table order. */
  public static List<Column> columns(Connection connection, QualifiedName table) throws SQLException {
    String sql = "SELECT attname, format_type(atttypid, atttypmod), attnotnull FROM pg_attribute"
        + " WHERE attrelid = to_regclass(?) AND attnum > 0 AND NOT attisdropped ORDER BY attnum";
    List<Column> columns = new ArrayList<>();
    try (PreparedStatement statement = connection.prepareStatement(sql)) {
      statement.setString(1, table.quoted());
      try (ResultSet rows = statement.executeQuery()) {
        while (rows.next()) {
          columns.add(new Column(new Identifier(rows.getString(1)), rows.getString(2), rows.getBoolean(3)));
        }
      }
    }
    return columns;
  }

  public static Optional<Column> column(Connection connection, QualifiedName table, Identifier name) throws SQLException {
    return columns(connection, table).stream().filter(c -> c.name().equals(name)).findFirst();
  }

  /** The primary key's columns in key order; empty when the table has none. */
  public static List<Identifier> primaryKey(Connection connection, QualifiedName table) throws SQLException {
    String sql = "SELECT a.attname FROM pg_index i CROSS JOIN LATERAL unnest(i.indkey) WITH ORDINALITY AS k(attnum, ord)"
        + " JOIN pg_attribute a ON a.attrelid = i.indrelid AND a.attnum = k.attnum"
        + " WHERE i.indrelid = to_regclass(?) AND i.indisprimary ORDER BY k.ord";
    List<Identifier> key = new ArrayList<>();
    try (PreparedStatement statement = connection.prepareStatement(sql)) {
      statement.setString(1, table.quoted());
      try (ResultSet rows = statement.executeQuery()) {
        while (rows.next()) {
          key.add(new Identifier(rows.getString(1)));
        }
      }
    }
    return key;
  }
}
