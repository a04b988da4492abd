package dev.flywayzdm.internal.constraint;

import dev.flywayzdm.internal.pg.Identifier;
import dev.flywayzdm.internal.pg.QualifiedName;
import dev.flywayzdm.internal.pg.TableCatalog;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.StringJoiner;
import java.util.stream.Collectors;

/**
 * The rows that keep a constraint from validating: how many, and the keys of the first few (by
 * primary key, or by ctid when the table has none), so the error points at data to fix.
 */
record ViolationReport(long count, List<String> firstKeys) {

  static final int SHOWN_KEYS = 5;

  /**
   * Counts the rows of {@code table} (aliased {@code zdm_row}) matching {@code violation}, a
   * predicate built from quoted identifiers or from the server's own deparsed expression.
   */
  static ViolationReport of(Connection connection, QualifiedName table, String violation) throws SQLException {
    List<Identifier> key = TableCatalog.primaryKey(connection, table);
    String keyText = key.isEmpty() ? "zdm_row.ctid::text"
        : key.stream().map(k -> "zdm_row." + k.quoted() + "::text").collect(Collectors.joining(", "));
    String order = key.isEmpty() ? "zdm_row.ctid"
        : key.stream().map(k -> "zdm_row." + k.quoted()).collect(Collectors.joining(", "));
    String from = " FROM " + table.quoted() + " AS zdm_row WHERE " + violation;
    long count;
    List<String> keys = new ArrayList<>();
    try (Statement statement = connection.createStatement()) {
      try (ResultSet rows = statement.executeQuery("SELECT count(*)" + from)) {
        rows.next();
        count = rows.getLong(1);
      }
      try (ResultSet rows = statement.executeQuery("SELECT " + keyText + from + " ORDER BY " + order + " LIMIT " + SHOWN_KEYS)) {
        while (rows.next()) {
          StringJoiner names = new StringJoiner(", ", "(", ")");
          StringJoiner values = new StringJoiner(", ", "(", ")");
          for (int i = 0; i < Math.max(1, key.size()); i++) {
            names.add(key.isEmpty() ? "ctid" : key.get(i).name());
            String value = rows.getString(i + 1);
            values.add(value == null ? "NULL" : value);
          }
          keys.add(names + "=" + values);
        }
      }
    }
    return new ViolationReport(count, List.copyOf(keys));
  }

  String describe() {
    return count + (count == 1 ? " row violates it" : " rows violate it") + (firstKeys.isEmpty() ? "" : ", e.g. " + String.join(", ", firstKeys));
  }
}
