package dev.flywayzdm.internal.backfill;

import dev.flywayzdm.internal.pg.Identifier;
import dev.flywayzdm.internal.pg.QualifiedName;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The unique, NOT NULL key a backfill walks in order: the primary key, or a unique key the user
 * names. Key values travel as text and are cast back with the column's own type
 * ({@code format_type}), so any orderable type works and a composite key walks its tuple.
 */
final class WalkKey {

  private final List<Identifier> columns;
  private final List<String> types;

  private WalkKey(List<Identifier> columns, List<String> types) {
    this.columns = List.copyOf(columns);
    this.types = List.copyOf(types);
  }

  /** Finds the key of {@code table}: {@code named} when given (checked unique and NOT NULL), else the primary key. */
  static WalkKey resolve(Connection connection, String migration, QualifiedName table, List<Identifier> named)
      throws SQLException {
    List<Column> primary = new ArrayList<>();
    List<List<Column>> unique = new ArrayList<>();
    try (PreparedStatement statement = connection.prepareStatement("""
        SELECT i.indisprimary, array_agg(a.attname ORDER BY k.ord), array_agg(format_type(a.atttypid, a.atttypmod) ORDER BY k.ord),
               bool_and(a.attnotnull)
        FROM pg_index i
        CROSS JOIN LATERAL unnest(i.indkey::int2[]) WITH ORDINALITY AS k(attnum, ord)
        JOIN pg_attribute a ON a.attrelid = i.indrelid AND a.attnum = k.attnum
        WHERE i.indrelid = to_regclass(?) AND i.indisunique AND i.indisvalid AND i.indpred IS NULL AND i.indexprs IS NULL
          AND k.ord <= i.indnkeyatts
        GROUP BY i.indexrelid, i.indisprimary
        ORDER BY i.indisprimary DESC, i.indexrelid
        """)) {
      statement.setString(1, table.quoted());
      try (ResultSet rows = statement.executeQuery()) {
        while (rows.next()) {
          String[] names = strings(rows.getArray(2));
          String[] types = strings(rows.getArray(3));
          List<Column> key = new ArrayList<>();
          for (int i = 0; i < names.length; i++) {
            key.add(new Column(new Identifier(names[i]), types[i]));
          }
          if (rows.getBoolean(1)) {
            primary = key;
          } else if (rows.getBoolean(4)) {
            unique.add(key);
          }
        }
      }
    }
    if (named.isEmpty()) {
      if (primary.isEmpty()) {
        throw new IllegalArgumentException(migration + ": table " + table + " has no primary key to walk;"
            + " name a unique NOT NULL key: Backfill.table(...).key(\"column\", ...)");
      }
      return of(primary);
    }
    Set<Identifier> wanted = new HashSet<>(named);
    for (List<Column> key : primary.isEmpty() ? unique : prepend(primary, unique)) {
      if (key.size() == wanted.size() && key.stream().map(Column::name).allMatch(wanted::contains)) {
        return of(key); // in the index's column order, so the walk follows the index
      }
    }
    throw new IllegalArgumentException(migration + ": key (" + String.join(", ", named.stream().map(Identifier::quoted).toList())
        + ") of table " + table + " is not its primary key nor a unique index over NOT NULL columns"
        + " (no predicate, no expressions); a backfill walks such a key so that every row is visited exactly once");
  }

  private static List<List<Column>> prepend(List<Column> first, List<List<Column>> rest) {
    List<List<Column>> all = new ArrayList<>();
    all.add(first);
    all.addAll(rest);
    return all;
  }

  private static WalkKey of(List<Column> key) {
    return new WalkKey(key.stream().map(Column::name).toList(), key.stream().map(Column::type).toList());
  }

  private static String[] strings(Array array) throws SQLException {
    return (String[]) array.getArray();
  }

  private record Column(Identifier name, String type) {}

  int size() {
    return columns.size();
  }

  /** Types with a built-in max() (uuid, for one, has none). */
  private static final List<String> WITH_MAX = List.of("bigint", "integer", "smallint", "numeric", "text",
      "character varying", "date", "timestamp");

  /** Whether the key is one column whose type has max(): the walk's range query then needs no sort. */
  boolean singleWithMax() {
    return columns.size() == 1 && WITH_MAX.stream().anyMatch(types.get(0)::startsWith);
  }

  /** {@code "id"} or {@code ("tenant", "id")}. */
  String tuple() {
    return tuple(columns.stream().map(Identifier::quoted).toList());
  }

  /** The key as parameters cast back from text: {@code CAST(? AS bigint)} or a tuple of them. */
  String parameters() {
    return tuple(types.stream().map(type -> "CAST(? AS " + type + ")").toList());
  }

  /** {@code "tenant", "id"} with an optional direction on each column. */
  String orderBy(String direction) {
    return String.join(", ", columns.stream().map(c -> c.quoted() + direction).toList());
  }

  /**
   * Like {@link #orderBy(String)}, qualified with {@code alias}: an unqualified name in ORDER BY
   * would sort by a same-named output column, e.g. the key's text form, in text order.
   */
  String orderBy(String alias, String direction) {
    return String.join(", ", columns.stream().map(c -> alias + "." + c.quoted() + direction).toList());
  }

  /** The key columns as text, from a relation aliased {@code alias}. */
  String asText(String alias) {
    return String.join(", ", columns.stream().map(c -> "CAST(" + alias + "." + c.quoted() + " AS text)").toList());
  }

  String describe() {
    return tuple() + " " + tuple(types);
  }

  private static String tuple(List<String> parts) {
    return parts.size() == 1 ? parts.get(0) : "(" + String.join(", ", parts) + ")";
  }
}
