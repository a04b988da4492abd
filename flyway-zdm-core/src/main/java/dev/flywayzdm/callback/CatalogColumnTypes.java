package dev.flywayzdm.callback;

import dev.flywayzdm.lint.internal.engine.DestructiveGate;
import dev.flywayzdm.lint.internal.lexer.Lexer;
import dev.flywayzdm.lint.internal.lexer.Token;
import dev.flywayzdm.lint.internal.sql.ColumnType;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * A column's type as the database has it now, for the destructive-statement gate: a type change on a
 * table the run did not create is harmless when it widens the current type. The table is found by
 * name as the statement names it (last part only, like the linter): the one visible on the
 * search_path, else the only one with that column. The query cannot fail, so it is safe inside the
 * migration's transaction.
 */
final class CatalogColumnTypes implements DestructiveGate.CatalogTypes {

  private static final String SQL = "SELECT format_type(a.atttypid, a.atttypmod), pg_table_is_visible(c.oid)"
      + " FROM pg_catalog.pg_attribute a JOIN pg_catalog.pg_class c ON c.oid = a.attrelid"
      + " WHERE c.relname = ? AND a.attname = ? AND NOT a.attisdropped AND c.relkind IN ('r', 'p')";

  private final Connection connection;

  CatalogColumnTypes(Connection connection) {
    this.connection = connection;
  }

  @Override
  public Optional<ColumnType> columnType(String table, String column) {
    String visible = null;
    Set<String> all = new LinkedHashSet<>();
    try (PreparedStatement statement = connection.prepareStatement(SQL)) {
      statement.setString(1, table);
      statement.setString(2, column);
      try (ResultSet rows = statement.executeQuery()) {
        while (rows.next()) {
          all.add(rows.getString(1));
          if (rows.getBoolean(2)) {
            visible = rows.getString(1);
          }
        }
      }
    } catch (SQLException e) {
      return Optional.empty(); // unknown: the gate then treats the change as destructive
    }
    String type = visible != null ? visible : all.size() == 1 ? all.iterator().next() : null;
    if (type == null) {
      return Optional.empty();
    }
    List<Token> tokens = Lexer.lex(type).tokens();
    return Optional.ofNullable(ColumnType.read(tokens, 0, tokens.size()));
  }
}
