package dev.flywayzdm.migration;

import dev.flywayzdm.internal.pg.Identifier;
import dev.flywayzdm.internal.pg.IndexDefinition;
import dev.flywayzdm.internal.pg.IndexKey;
import dev.flywayzdm.internal.pg.QualifiedName;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * One index change for a {@link ConcurrentIndexMigration}: create, drop or rebuild an index without
 * blocking writes. Names are taken literally and quoted ({@code "Orders"} is not {@code orders});
 * expressions and the {@code where} predicate are SQL. Every method checks its argument at once.
 *
 * <pre>{@code
 * ConcurrentIndex.create("idx_orders_customer").on("sales.orders").columns("customer_id", "created_at");
 * ConcurrentIndex.create("idx_users_email").on("users").unique().expression("lower(email)")
 *     .include("id").where("deleted_at IS NULL");
 * ConcurrentIndex.create("idx_docs_body").on("docs").using("gin").expression("to_tsvector('english', body)");
 * ConcurrentIndex.drop("sales.idx_orders_old");
 * ConcurrentIndex.reindex("idx_orders_customer");
 * }</pre>
 */
public final class ConcurrentIndex {

  /** What the change does. */
  public enum Kind { CREATE, DROP, REINDEX }

  private final Kind kind;
  private final String name;
  private QualifiedName table;
  private boolean unique;
  private String method;
  private final List<IndexKey> keys = new ArrayList<>();
  private final List<String> include = new ArrayList<>();
  private String where;
  private boolean analyze = true;

  private ConcurrentIndex(Kind kind, String name) {
    this.kind = kind;
    this.name = name;
  }

  /** {@code CREATE INDEX CONCURRENTLY IF NOT EXISTS name ...}; the index goes in its table's schema. */
  public static ConcurrentIndex create(String indexName) {
    Identifier.of("index", indexName);
    return new ConcurrentIndex(Kind.CREATE, indexName);
  }

  /** {@code DROP INDEX CONCURRENTLY IF EXISTS name}; {@code name} may be schema-qualified. */
  public static ConcurrentIndex drop(String indexName) {
    QualifiedName.parse("index", indexName);
    return new ConcurrentIndex(Kind.DROP, indexName);
  }

  /** {@code REINDEX INDEX CONCURRENTLY name}; {@code name} may be schema-qualified. */
  public static ConcurrentIndex reindex(String indexName) {
    QualifiedName.parse("index", indexName);
    return new ConcurrentIndex(Kind.REINDEX, indexName);
  }

  /** The table, {@code name} or {@code schema.name}; a partitioned table is indexed partition by partition. */
  public ConcurrentIndex on(String tableName) {
    requireCreate("on");
    table = QualifiedName.parse("table", tableName);
    return this;
  }

  /** A UNIQUE index. */
  public ConcurrentIndex unique() {
    requireCreate("unique");
    unique = true;
    return this;
  }

  /** The access method: {@code btree} (default), {@code hash}, {@code gin}, {@code gist}, {@code brin}, ... */
  public ConcurrentIndex using(String accessMethod) {
    requireCreate("using");
    method = Objects.requireNonNull(accessMethod, "access method");
    return this;
  }

  /** Key columns, in order. */
  public ConcurrentIndex columns(String... columnNames) {
    requireCreate("columns");
    for (String column : columnNames) {
      keys.add(IndexKey.column(column));
    }
    return this;
  }

  /** A key column with an operator class and/or ordering, e.g. {@code column("created_at", "DESC NULLS LAST")}. */
  public ConcurrentIndex column(String columnName, String options) {
    requireCreate("column");
    keys.add(IndexKey.column(columnName, options));
    return this;
  }

  /** A key expression (SQL), e.g. {@code lower(email)}. */
  public ConcurrentIndex expression(String sql) {
    requireCreate("expression");
    keys.add(IndexKey.expression(sql));
    return this;
  }

  /** Non-key columns stored in the index ({@code INCLUDE}). */
  public ConcurrentIndex include(String... columnNames) {
    requireCreate("include");
    for (String column : columnNames) {
      Identifier.of("included column", column);
      include.add(column);
    }
    return this;
  }

  /** A partial index's predicate (SQL). */
  public ConcurrentIndex where(String predicate) {
    requireCreate("where");
    if (predicate == null || predicate.isBlank()) {
      throw new IllegalArgumentException("index " + name + ": where(...) needs a predicate, e.g. \"deleted_at IS NULL\"");
    }
    where = predicate;
    return this;
  }

  /** Whether to ANALYZE the table after building (default true: expression indexes need statistics). */
  public ConcurrentIndex analyze(boolean value) {
    requireCreate("analyze");
    analyze = value;
    return this;
  }

  Kind kind() {
    return kind;
  }

  boolean analyze() {
    return analyze;
  }

  /** The index to drop or rebuild. */
  QualifiedName target() {
    return QualifiedName.parse("index", name);
  }

  /** The complete definition of an index to create; fails naming what is missing. */
  IndexDefinition definition(String migration) {
    String name = new Identifier(this.name).quoted();
    if (table == null) {
      throw new IllegalStateException(migration + ": index " + name + " needs its table: ConcurrentIndex.create(\"" + this.name
          + "\").on(\"table\")");
    }
    if (keys.isEmpty()) {
      throw new IllegalStateException(migration + ": index " + name + " on " + table
          + " needs at least one key: .columns(...), .column(name, options) or .expression(sql)");
    }
    IndexDefinition.Builder builder = IndexDefinition.builder(this.name, table.quoted()).unique(unique);
    Optional.ofNullable(method).ifPresent(builder::method);
    keys.forEach(builder::key);
    include.forEach(builder::include);
    return builder.where(where).build();
  }

  private void requireCreate(String method) {
    if (kind != Kind.CREATE) {
      throw new IllegalStateException(method + "(...) describes a new index; ConcurrentIndex." + kind.name().toLowerCase(Locale.ROOT)
          + "(\"" + name + "\") takes only the index name");
    }
  }

  @Override
  public String toString() {
    return kind == Kind.CREATE && table != null ? definition("?").createSql(true, false) : kind + " " + name;
  }
}
