package dev.flywayzdm.internal.pg;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** What the catalog says about tables, their partitions and their indexes. */
final class IndexCatalog {

  /** A table, partition or index as found in pg_class, with its real schema. */
  record Relation(long oid, QualifiedName name, char kind) {}

  /** An existing index and whether PostgreSQL may use it. */
  record ExistingIndex(long oid, QualifiedName name, char kind, long tableOid, String table, boolean valid, String definition) {}

  private static final String RELATION = "SELECT c.oid, n.nspname, c.relname, c.relkind FROM pg_class c"
      + " JOIN pg_namespace n ON n.oid = c.relnamespace";

  private static final String INDEX = "SELECT c.oid, n.nspname, c.relname, c.relkind, i.indrelid,"
      + " i.indrelid::regclass::text AS table_name, i.indisvalid AND i.indisready AS valid,"
      + " pg_get_indexdef(c.oid) AS definition"
      + " FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace LEFT JOIN pg_index i ON i.indexrelid = c.oid";

  private IndexCatalog() {}

  /** The relation a (possibly unqualified) name resolves to on the search path. */
  static Optional<Relation> relation(Connection connection, QualifiedName name) throws SQLException {
    try (PreparedStatement statement = connection.prepareStatement(RELATION + " WHERE c.oid = to_regclass(?)")) {
      statement.setString(1, name.quoted());
      List<Relation> found = relations(statement);
      return found.stream().findFirst();
    }
  }

  /** The direct partitions of a partitioned table, in name order. */
  static List<Relation> partitions(Connection connection, long parentOid) throws SQLException {
    try (PreparedStatement statement = connection.prepareStatement(RELATION
        + " JOIN pg_inherits h ON h.inhrelid = c.oid WHERE h.inhparent = ? ORDER BY n.nspname, c.relname")) {
      statement.setLong(1, parentOid);
      return relations(statement);
    }
  }

  /** The relation named {@code name} in {@code schema}; it may be something other than an index (then not valid, tableOid 0). */
  static Optional<ExistingIndex> indexIn(Connection connection, String schema, String name) throws SQLException {
    try (PreparedStatement statement = connection.prepareStatement(INDEX + " WHERE n.nspname = ? AND c.relname = ?")) {
      statement.setString(1, schema);
      statement.setString(2, name);
      return indexes(statement).stream().findFirst();
    }
  }

  /** The index a (possibly unqualified) name resolves to on the search path. */
  static Optional<ExistingIndex> index(Connection connection, QualifiedName name) throws SQLException {
    try (PreparedStatement statement = connection.prepareStatement(INDEX + " WHERE c.oid = to_regclass(?)")) {
      statement.setString(1, name.quoted());
      return indexes(statement).stream().findFirst();
    }
  }

  /** Invalid indexes of a table whose names start with {@code prefix}: leftovers of a failed REINDEX CONCURRENTLY. */
  static List<ExistingIndex> invalidIndexesLike(Connection connection, long tableOid, String prefix) throws SQLException {
    try (PreparedStatement statement = connection.prepareStatement(INDEX
        + " WHERE i.indrelid = ? AND NOT (i.indisvalid AND i.indisready) AND left(c.relname, length(?)) = ?")) {
      statement.setLong(1, tableOid);
      statement.setString(2, prefix);
      statement.setString(3, prefix);
      return indexes(statement);
    }
  }

  /** Whether partition {@code tableOid} already has an index attached to the partitioned index {@code parentIndexOid}. */
  static boolean hasIndexAttachedTo(Connection connection, long tableOid, long parentIndexOid) throws SQLException {
    try (PreparedStatement statement = connection.prepareStatement("SELECT 1 FROM pg_inherits h"
        + " JOIN pg_index i ON i.indexrelid = h.inhrelid WHERE h.inhparent = ? AND i.indrelid = ?")) {
      statement.setLong(1, parentIndexOid);
      statement.setLong(2, tableOid);
      try (ResultSet rows = statement.executeQuery()) {
        return rows.next();
      }
    }
  }

  private static List<Relation> relations(PreparedStatement statement) throws SQLException {
    List<Relation> found = new ArrayList<>();
    try (ResultSet rows = statement.executeQuery()) {
      while (rows.next()) {
        found.add(new Relation(rows.getLong(1), QualifiedName.of(rows.getString(2), rows.getString(3)), rows.getString(4).charAt(0)));
      }
    }
    return found;
  }

  private static List<ExistingIndex> indexes(PreparedStatement statement) throws SQLException {
    List<ExistingIndex> found = new ArrayList<>();
    try (ResultSet rows = statement.executeQuery()) {
      while (rows.next()) {
        found.add(new ExistingIndex(rows.getLong(1), QualifiedName.of(rows.getString(2), rows.getString(3)),
            rows.getString(4).charAt(0), rows.getLong(5), rows.getString(6), rows.getBoolean(7), rows.getString(8)));
      }
    }
    return found;
  }
}
