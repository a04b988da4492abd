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
 * expressions and the {@code where} predicate are SQL. Immutable: every method checks its argument
 * at once and returns a new description, so a shared one can be extended safely.
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

  /** What the change does (the base class dispatches on it). */
  enum Kind { CREATE, DROP, REINDEX }

  private final Kind kind;
  private final String name;
  private final QualifiedName table;
  private final boolean unique;
  private final String method;
  private final List<IndexKey> keys;
  private final List<String> include;
  private final String where;
  private final boolean analyze;

  private ConcurrentIndex(Kind kind, String name) {
    this(kind, name, null, false, null, List.of(), List.of(), null, true);
  }

  private ConcurrentIndex(Kind kind, String name, QualifiedName table, boolean unique, String method, List<IndexKey> keys,
      List<String> include, String where, boolean analyze) {
    this.kind = kind;
    this.name = name;
    this.table = table;
    this.unique = unique;
    this.method = method;
    this.keys = List.copyOf(keys);
    this.include = List.copyOf(include);
    this.where = where;
    this.analyze = analyze;
  }

  private static <T> List<T> plus(List<T> list, List<T> more) {
    List<T> all = new ArrayList<>(list);
    all.addAll(more);
    return all;
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
    return new ConcurrentIndex(kind, name, QualifiedName.parse("table", tableName), unique, method, keys, include, where,
        analyze);
  }

  /** A UNIQUE index. */
  public ConcurrentIndex unique() {
    requireCreate("unique");
    return new ConcurrentIndex(kind, name, table, true, method, keys, include, where, analyze);
  }

  /** The access method: {@code btree} (default), {@code hash}, {@code gin}, {@code gist}, {@code brin}, ... */
  public ConcurrentIndex using(String accessMethod) {
    requireCreate("using");
    return new ConcurrentIndex(kind, name, table, unique, Objects.requireNonNull(accessMethod, "access method"), keys,
        include, where, analyze);
  }

  /** Key columns, in order. */
  public ConcurrentIndex columns(String... columnNames) {
    requireCreate("columns");
    List<IndexKey> more = new ArrayList<>();
    for (String column : columnNames) {
      more.add(IndexKey.column(column));
    }
    return new ConcurrentIndex(kind, name, table, unique, method, plus(keys, more), include, where, analyze);
  }

  /** A key column with an operator class and/or ordering, e.g. {@code column("created_at", "DESC NULLS LAST")}. */
  public ConcurrentIndex column(String columnName, String options) {
    requireCreate("column");
    return new ConcurrentIndex(kind, name, table, unique, method, plus(keys, List.of(IndexKey.column(columnName, options))),
        include, where, analyze);
  }

  /** A key expression (SQL), e.g. {@code lower(email)}. */
  public ConcurrentIndex expression(String sql) {
    requireCreate("expression");
    return new ConcurrentIndex(kind, name, table, unique, method, plus(keys, List.of(IndexKey.expression(sql))), include,
        where, analyze);
  }

  /** Non-key columns stored in the index ({@code INCLUDE}). */
  public ConcurrentIndex include(String... columnNames) {
    requireCreate("include");
    List<String> more = new ArrayList<>();
    for (String column : columnNames) {
      Identifier.of("included column", column);
      more.add(column);
    }
    return new ConcurrentIndex(kind, name, table, unique, method, keys, plus(include, more), where, analyze);
  }

  /** A partial index's predicate (SQL). */
  public ConcurrentIndex where(String predicate) {
    requireCreate("where");
    if (predicate == null || predicate.isBlank()) {
      throw new IllegalArgumentException("index " + name + ": where(...) needs a predicate, e.g. \"deleted_at IS NULL\"");
    }
    return new ConcurrentIndex(kind, name, table, unique, method, keys, include, predicate, analyze);
  }

  /** Whether to ANALYZE the table after building (default true: expression indexes need statistics). */
  public ConcurrentIndex analyze(boolean value) {
    requireCreate("analyze");
    return new ConcurrentIndex(kind, name, table, unique, method, keys, include, where, value);
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
