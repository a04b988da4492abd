package dev.flywayzdm.internal.pg;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * What a {@code CREATE INDEX} builds: everything a caller names is validated here, identifiers are
 * quoted, expressions and the predicate are user SQL.
 *
 * <pre>{@code
 * IndexDefinition index = IndexDefinition.builder("idx_orders_customer", "sales.orders")
 *     .columns("customer_id").include("total").where("deleted_at IS NULL").build();
 * }</pre>
 *
 * @param name the index name; it lives in the table's schema
 * @param method access method ({@code btree}, {@code gin}, ...), empty for the default
 */
public record IndexDefinition(
    Identifier name, QualifiedName table, boolean unique, Optional<String> method,
    List<IndexKey> keys, List<Identifier> include, Optional<String> where) {

  private static final Pattern METHOD = Pattern.compile("[a-z_][a-z0-9_]*");

  public IndexDefinition {
    Objects.requireNonNull(name, "index name");
    Objects.requireNonNull(table, "index table");
    method = Objects.requireNonNull(method, "method");
    method.ifPresent(m -> {
      if (!METHOD.matcher(m).matches()) {
        throw new IllegalArgumentException("invalid index method '" + m + "' for index " + name
            + ": expected an access method name such as btree, hash, gin, gist, brin");
      }
    });
    keys = List.copyOf(keys);
    if (keys.isEmpty()) {
      throw new IllegalArgumentException("index " + name + " on " + table + " has no columns or expressions");
    }
    include = List.copyOf(include);
    where = Objects.requireNonNull(where, "where").map(String::strip).filter(w -> !w.isEmpty());
  }

  public static Builder builder(String name, String table) {
    return new Builder(Identifier.of("index", name), QualifiedName.parse("table", table));
  }

  /** The same index under another name on another table (a partition of this one). */
  public IndexDefinition on(QualifiedName otherTable, Identifier otherName) {
    return new IndexDefinition(otherName, otherTable, unique, method, keys, include, where);
  }

  /**
   * The CREATE INDEX statement.
   *
   * @param concurrently add CONCURRENTLY (a plain table)
   * @param onlyParent add ON ONLY (the invalid parent index of a partitioned table)
   */
  public String createSql(boolean concurrently, boolean onlyParent) {
    StringBuilder sql = new StringBuilder("CREATE ");
    if (unique) {
      sql.append("UNIQUE ");
    }
    sql.append("INDEX ");
    if (concurrently) {
      sql.append("CONCURRENTLY ");
    }
    sql.append("IF NOT EXISTS ").append(name.quoted()).append(" ON ");
    if (onlyParent) {
      sql.append("ONLY ");
    }
    sql.append(table.quoted());
    method.ifPresent(m -> sql.append(" USING ").append(m));
    sql.append(" (").append(String.join(", ", keys.stream().map(IndexKey::sql).toList())).append(')');
    if (!include.isEmpty()) {
      sql.append(" INCLUDE (").append(String.join(", ", include.stream().map(Identifier::quoted).toList())).append(')');
    }
    where.ifPresent(w -> sql.append(" WHERE (").append(w).append(')'));
    return sql.toString();
  }

  /** The index's qualified name: in the table's schema. */
  public QualifiedName qualifiedName() {
    return new QualifiedName(table.schema(), name);
  }

  /** Builds an {@link IndexDefinition}; each method validates its argument at once. */
  public static final class Builder {
    private final Identifier name;
    private final QualifiedName table;
    private boolean unique;
    private Optional<String> method = Optional.empty();
    private final List<IndexKey> keys = new ArrayList<>();
    private final List<Identifier> include = new ArrayList<>();
    private Optional<String> where = Optional.empty();

    private Builder(Identifier name, QualifiedName table) {
      this.name = name;
      this.table = table;
    }

    public Builder unique() {
      unique = true;
      return this;
    }

    public Builder unique(boolean value) {
      unique = value;
      return this;
    }

    public Builder method(String value) {
      method = Optional.of(value);
      return this;
    }

    public Builder columns(String... columns) {
      for (String column : columns) {
        keys.add(IndexKey.column(column));
      }
      return this;
    }

    public Builder key(IndexKey key) {
      keys.add(Objects.requireNonNull(key, "index key"));
      return this;
    }

    public Builder include(String... columns) {
      for (String column : columns) {
        include.add(Identifier.of("included column", column));
      }
      return this;
    }

    public Builder where(String predicate) {
      where = Optional.ofNullable(predicate);
      return this;
    }

    public IndexDefinition build() {
      return new IndexDefinition(name, table, unique, method, keys, include, where);
    }
  }
}
