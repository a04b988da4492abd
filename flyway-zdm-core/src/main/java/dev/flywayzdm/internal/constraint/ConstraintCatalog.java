package dev.flywayzdm.internal.constraint;

import dev.flywayzdm.internal.pg.Identifier;
import dev.flywayzdm.internal.pg.QualifiedName;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;

/** Reads the state of constraints and indexes from {@code pg_constraint} / {@code pg_index}, names bound as parameters. */
final class ConstraintCatalog {

  /** A constraint that exists: its {@code contype} ('c' check, 'f' foreign key, 'u' unique, 'p' primary key) and whether it is valid. */
  record Existing(char type, boolean validated, String definition) {
    String typeName() {
      return switch (type) {
        case 'c' -> "CHECK";
        case 'f' -> "FOREIGN KEY";
        case 'u' -> "UNIQUE";
        case 'p' -> "PRIMARY KEY";
        case 'x' -> "EXCLUDE";
        default -> "constraint type " + type;
      };
    }
  }

  private ConstraintCatalog() {}

  static Optional<Existing> find(Connection connection, QualifiedName table, Identifier name) throws SQLException {
    String sql = "SELECT contype, convalidated, pg_get_constraintdef(oid) FROM pg_constraint"
        + " WHERE conrelid = to_regclass(?) AND conname = ?";
    try (PreparedStatement statement = connection.prepareStatement(sql)) {
      statement.setString(1, table.quoted());
      statement.setString(2, name.name());
      try (ResultSet rows = statement.executeQuery()) {
        return rows.next()
            ? Optional.of(new Existing(rows.getString(1).charAt(0), rows.getBoolean(2), rows.getString(3)))
            : Optional.empty();
      }
    }
  }

  /** The server's own text of a check constraint's expression, e.g. {@code (amount > 0)}. */
  static String checkExpression(Connection connection, QualifiedName table, Identifier name) throws SQLException {
    String sql = "SELECT pg_get_expr(conbin, conrelid) FROM pg_constraint WHERE conrelid = to_regclass(?) AND conname = ?";
    try (PreparedStatement statement = connection.prepareStatement(sql)) {
      statement.setString(1, table.quoted());
      statement.setString(2, name.name());
      try (ResultSet rows = statement.executeQuery()) {
        if (!rows.next()) {
          throw new IllegalStateException("check constraint " + name + " on " + table + " disappeared");
        }
        return rows.getString(1);
      }
    }
  }

  /**
   * The name of a valid, non-partial index whose leading key columns are exactly {@code columns}
   * (in any order: either serves the foreign key's lookups), if there is one.
   */
  static Optional<String> indexLeadingWith(Connection connection, QualifiedName table, List<Identifier> columns)
      throws SQLException {
    String sql = "SELECT c.relname FROM pg_index i JOIN pg_class c ON c.oid = i.indexrelid"
        + " WHERE i.indrelid = to_regclass(?) AND i.indisvalid AND i.indpred IS NULL"
        + " AND i.indnkeyatts >= cardinality(?::text[])"
        + " AND (SELECT array_agg(a.attname::text ORDER BY a.attname) FROM pg_attribute a"
        + "      WHERE a.attrelid = i.indrelid AND a.attnum = ANY ((i.indkey::int2[])[0:cardinality(?::text[]) - 1]))"
        + "   = (SELECT array_agg(x ORDER BY x) FROM unnest(?::text[]) AS x)"
        + " ORDER BY c.relname LIMIT 1";
    String[] names = columns.stream().map(Identifier::name).toArray(String[]::new);
    try (PreparedStatement statement = connection.prepareStatement(sql)) {
      Array array = connection.createArrayOf("text", names);
      statement.setString(1, table.quoted());
      statement.setArray(2, array);
      statement.setArray(3, array);
      statement.setArray(4, array);
      try (ResultSet rows = statement.executeQuery()) {
        return rows.next() ? Optional.of(rows.getString(1)) : Optional.empty();
      }
    }
  }
}
