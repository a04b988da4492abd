package dev.flywayzdm.internal.pg;

import dev.flywayzdm.internal.pg.IndexCatalog.ExistingIndex;
import dev.flywayzdm.internal.pg.IndexCatalog.Relation;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Optional;
import java.util.zip.CRC32;
import org.postgresql.util.PSQLException;
import dev.flywayzdm.internal.logging.ZdmLog;

/**
 * Builds, drops and rebuilds indexes without blocking writes: {@code CONCURRENTLY} on plain
 * tables; on partitioned tables an {@code ON ONLY} parent index, a concurrent build on each
 * partition and {@code ATTACH PARTITION}, so the parent ends valid.
 *
 * <p>Idempotent: a valid index of the name is left alone; an INVALID one (a failed or killed
 * build) is dropped concurrently and built again. A build that fails leaves no invalid index
 * behind. Needs autocommit on the connection and Flyway's session lock
 * (see {@link FlywayLockMode}); callers check the latter first.
 *
 * <pre>{@code
 * new ConcurrentIndexBuilder("V7__add_index", bounds, SideConnection.from(configuration))
 *     .create(connection, IndexDefinition.builder("idx_orders_customer", "orders").columns("customer_id").build());
 * }</pre>
 */
public final class ConcurrentIndexBuilder {

  /** What {@link #create} did. */
  public enum Outcome {
    /** Built from scratch. */
    CREATED,
    /** A valid index of that name was already there: nothing done. */
    ALREADY_VALID,
    /** An invalid index of that name (or an unfinished partitioned build) was completed or rebuilt. */
    REBUILT
  }

  private static final ZdmLog LOG = ZdmLog.of(ConcurrentIndexBuilder.class);

  private final String migration;
  private final LockBounds settings;
  private final SideConnection side;

  /**
   * @param migration the migration's name, prefixed to every log line and error
   * @param side where progress watchers get their second connection
   */
  public ConcurrentIndexBuilder(String migration, LockBounds settings, SideConnection side) {
    this.migration = migration;
    this.settings = settings;
    this.side = side;
  }

  /** Creates the index unless a valid one of that name exists; see the class description. */
  public Outcome create(Connection connection, IndexDefinition index) throws SQLException {
    Relation table = IndexCatalog.relation(connection, index.table())
        .orElseThrow(() -> new SQLException(migration + ": cannot build index " + index.name() + ": table "
            + index.table() + " does not exist", "42P01"));
    IndexDefinition resolved = index.on(table.name(), index.name());
    return switch (table.kind()) {
      case 'p' -> createPartitioned(connection, resolved, table);
      case 'r', 'm' -> createPlain(connection, resolved, table);
      default -> throw new SQLException(migration + ": cannot build index " + index.name() + ": " + table.name()
          + " is not a table (relkind '" + table.kind() + "')", "42809");
    };
  }

  /** {@code DROP INDEX CONCURRENTLY IF EXISTS}; a partitioned index is dropped in a short transaction (PostgreSQL cannot drop it concurrently). */
  public boolean drop(Connection connection, QualifiedName indexName) throws SQLException {
    Optional<ExistingIndex> existing = IndexCatalog.index(connection, indexName);
    if (existing.isEmpty()) {
      LOG.info("{}: index {} does not exist: nothing to drop", migration, indexName);
      return false;
    }
    ExistingIndex index = requireIndex(existing.get());
    if (index.kind() == 'I') {
      LOG.info("{}: dropping partitioned index {} (PostgreSQL cannot drop it concurrently; lock_timeout and retries apply)",
          migration, index.name());
      shortDdl(connection, "dropping index " + index.name(), quotedTable(index), "DROP INDEX IF EXISTS " + index.name().quoted());
    } else {
      dropConcurrently(connection, index);
    }
    return true;
  }

  /** {@code REINDEX INDEX CONCURRENTLY}; a failed rebuild leaves no {@code _ccnew} index behind. */
  public void reindex(Connection connection, QualifiedName indexName) throws SQLException {
    ExistingIndex index = requireIndex(IndexCatalog.index(connection, indexName)
        .orElseThrow(() -> new SQLException(migration + ": cannot reindex " + indexName + ": no such index", "42704")));
    String what = migration + ": reindexing " + index.name() + " on " + index.table();
    LOG.info("{} concurrently", what);
    try {
      WatchedStatement.run(connection, "REINDEX INDEX CONCURRENTLY " + index.name().quoted(), what,
          quotedTable(index), settings, side);
    } catch (SQLException e) {
      for (ExistingIndex leftover : IndexCatalog.invalidIndexesLike(connection, index.tableOid(), index.name().simpleName() + "_cc")) {
        try {
          dropConcurrently(connection, leftover);
        } catch (SQLException cleanup) {
          e.addSuppressed(cleanup);
        }
      }
      throw e;
    }
  }

  /**
   * Drops the index {@code index} on {@code table} if it is INVALID (what a failed, cancelled or
   * killed {@code CREATE INDEX CONCURRENTLY} leaves), so that the same statement can run again.
   * A valid index, an index of that name on another table, or no index at all is left alone.
   *
   * @return whether an invalid index was dropped
   */
  public boolean dropInvalid(Connection connection, QualifiedName table, Identifier index) throws SQLException {
    Optional<Relation> relation = IndexCatalog.relation(connection, table);
    if (relation.isEmpty()) {
      return false;
    }
    Optional<ExistingIndex> existing = IndexCatalog.indexIn(connection,
        relation.get().name().schema().orElseThrow().name(), index.name());
    if (existing.isEmpty() || existing.get().valid() || existing.get().tableOid() != relation.get().oid()) {
      return false;
    }
    LOG.info("{}: index {} exists but is INVALID (left by a failed or killed build): dropping it concurrently before"
        + " the statement builds it again", migration, existing.get().name());
    dropConcurrently(connection, existing.get());
    return true;
  }

  /**
   * Drops the INVALID {@code <index>_ccnew} / {@code _ccold} indexes a failed or killed {@code REINDEX
   * CONCURRENTLY} leaves on the table of {@code index} (or on {@code table}, for all its indexes).
   *
   * @param relation an index for {@code REINDEX INDEX}, a table for {@code REINDEX TABLE}
   * @return how many were dropped
   */
  public int dropInvalidReindexLeftovers(Connection connection, QualifiedName relation, boolean isTable) throws SQLException {
    long tableOid;
    String prefix;
    if (isTable) {
      Optional<Relation> table = IndexCatalog.relation(connection, relation);
      if (table.isEmpty()) {
        return 0;
      }
      tableOid = table.get().oid();
      prefix = "";
    } else {
      Optional<ExistingIndex> index = IndexCatalog.index(connection, relation);
      if (index.isEmpty() || index.get().tableOid() == 0) {
        return 0;
      }
      tableOid = index.get().tableOid();
      prefix = index.get().name().simpleName() + "_cc";
    }
    int dropped = 0;
    for (ExistingIndex leftover : IndexCatalog.invalidIndexesLike(connection, tableOid, prefix)) {
      if (leftover.name().simpleName().matches(".*_cc(new|old)[0-9]*")) {
        LOG.info("{}: {} is an INVALID leftover of a failed REINDEX CONCURRENTLY: dropping it concurrently", migration,
            leftover.name());
        dropConcurrently(connection, leftover);
        dropped++;
      }
    }
    return dropped;
  }

  /** {@code ANALYZE} the table in a short transaction, so the planner knows the new index's statistics. */
  public void analyze(Connection connection, QualifiedName table) throws SQLException {
    LOG.info("{}: analyzing {}", migration, table);
    new LockRetry(settings).inShortTransaction(connection, migration + ": analyzing " + table, table.quoted(),
        Duration.ZERO, tx -> execute(tx, "ANALYZE " + table.quoted()));
  }

  private Outcome createPlain(Connection connection, IndexDefinition index, Relation table) throws SQLException {
    String what = migration + ": building " + index.name() + " on " + table.name();
    Optional<ExistingIndex> existing = existingOn(connection, index, table);
    boolean rebuilt = false;
    if (existing.isPresent()) {
      if (existing.get().valid()) {
        LOG.info("{}: index {} already exists and is valid: nothing to do ({})", migration, index.name(), existing.get().definition());
        return Outcome.ALREADY_VALID;
      }
      LOG.info("{}: index {} exists but is INVALID (left by a failed or killed build): dropping it concurrently and building it again",
          migration, index.name());
      dropConcurrently(connection, existing.get());
      rebuilt = true;
    }
    LOG.info("{} concurrently", what);
    try {
      WatchedStatement.run(connection, index.createSql(true, false), what, table.name().quoted(), settings, side);
    } catch (SQLException e) {
      throw cleanUpAfterFailedBuild(connection, index, table, e);
    }
    ExistingIndex built = existingOn(connection, index, table)
        .orElseThrow(() -> new SQLException(what + ": the index is missing after its build", "XX000"));
    if (!built.valid()) {
      throw new SQLException(what + ": the index is still INVALID after its build; drop it with DROP INDEX CONCURRENTLY "
          + built.name().quoted() + " and run the migration again", "XX000");
    }
    return rebuilt ? Outcome.REBUILT : Outcome.CREATED;
  }

  private Outcome createPartitioned(Connection connection, IndexDefinition index, Relation table) throws SQLException {
    Optional<ExistingIndex> existing = existingOn(connection, index, table);
    if (existing.isPresent() && existing.get().valid()) {
      LOG.info("{}: index {} already exists and is valid: nothing to do ({})", migration, index.name(), existing.get().definition());
      return Outcome.ALREADY_VALID;
    }
    if (existing.isPresent()) {
      LOG.info("{}: partitioned index {} exists but is not yet valid: completing it partition by partition", migration, index.name());
    } else {
      LOG.info("{}: {} is partitioned: creating {} ON ONLY the parent, then building it concurrently on each partition",
          migration, table.name(), index.name());
      shortDdl(connection, "creating parent index " + index.name(), table.name().quoted(), index.createSql(false, true));
    }
    ExistingIndex parent = existingOn(connection, index, table)
        .orElseThrow(() -> new SQLException(migration + ": parent index " + index.name() + " is missing after its creation", "XX000"));
    for (Relation partition : IndexCatalog.partitions(connection, table.oid())) {
      if (IndexCatalog.hasIndexAttachedTo(connection, partition.oid(), parent.oid())) {
        continue;
      }
      IndexDefinition child = index.on(partition.name(), partitionIndexName(index.name(), partition.name().simpleName()));
      if (partition.kind() == 'p') {
        createPartitioned(connection, child, partition);
      } else {
        createPlain(connection, child, partition);
      }
      LOG.info("{}: attaching {} to {}", migration, child.qualifiedName(), parent.name());
      shortDdl(connection, "attaching index " + child.qualifiedName(), table.name().quoted(),
          "ALTER INDEX " + parent.name().quoted() + " ATTACH PARTITION " + child.qualifiedName().quoted());
    }
    ExistingIndex done = existingOn(connection, index, table).orElseThrow();
    if (!done.valid()) {
      throw new SQLException(migration + ": partitioned index " + index.name() + " is still invalid after every partition was"
          + " attached; a partition may hold an index of its own that is invalid", "XX000");
    }
    return existing.isPresent() ? Outcome.REBUILT : Outcome.CREATED;
  }

  /**
   * The index of this name in the table's schema. One of that name on another table, or a
   * relation that is not an index, is an error: building under that name could never succeed.
   */
  private Optional<ExistingIndex> existingOn(Connection connection, IndexDefinition index, Relation table) throws SQLException {
    Optional<ExistingIndex> found = IndexCatalog.indexIn(connection,
        table.name().schema().orElseThrow().name(), index.name().name());
    if (found.isPresent() && found.get().tableOid() != table.oid()) {
      throw new SQLException(migration + ": cannot build index " + index.name() + " on " + table.name() + ": a relation of that name"
          + " already exists" + (found.get().tableOid() == 0 ? " and is not an index" : " on " + found.get().table())
          + "; choose another index name", "42P07");
    }
    return found;
  }

  private SQLException cleanUpAfterFailedBuild(Connection connection, IndexDefinition index, Relation table, SQLException failure) {
    String cleanup = "";
    // After a wait-bound failure the same old transactions would hold up the drop: try it only briefly.
    LockBounds cleanupSettings = failure instanceof LockNotAvailableException
        ? settings.withLockRetryMaxTotal(settings.lockTimeout())
        : settings;
    try {
      Optional<ExistingIndex> leftover = IndexCatalog.indexIn(connection, table.name().schema().orElseThrow().name(), index.name().name());
      if (leftover.isPresent() && !leftover.get().valid()) {
        dropConcurrently(connection, leftover.get(), cleanupSettings);
        cleanup = "; the INVALID index the failed build left was dropped";
      }
    } catch (SQLException e) {
      failure.addSuppressed(e);
      cleanup = "; the INVALID index " + index.qualifiedName() + " it left remains (it could not be dropped: "
          + firstLine(e) + "): the next run drops and rebuilds it, or drop it yourself with DROP INDEX CONCURRENTLY "
          + index.qualifiedName().quoted();
    }
    String building = migration + ": building " + (index.unique() ? "unique " : "") + "index " + index.name() + " on " + table.name();
    if ("23505".equals(failure.getSQLState())) {
      return new SQLException(building + " failed: the table holds duplicate keys, e.g. " + duplicate(failure)
          + "; remove the duplicates (or build a non-unique index) and run the migration again" + cleanup, "23505", failure);
    }
    if ("57014".equals(failure.getSQLState())) {
      return new SQLException(building + " was cancelled (pg_cancel_backend or statement_timeout)" + cleanup, "57014", failure);
    }
    if (failure instanceof LockNotAvailableException) {
      return new LockNotAvailableException(failure.getMessage() + cleanup, failure);
    }
    return new SQLException(building + " failed: " + firstLine(failure) + cleanup, failure.getSQLState(), failure);
  }

  private static String duplicate(SQLException failure) {
    if (failure instanceof PSQLException psql && psql.getServerErrorMessage() != null
        && psql.getServerErrorMessage().getDetail() != null) {
      return psql.getServerErrorMessage().getDetail();
    }
    return firstLine(failure);
  }

  private void dropConcurrently(Connection connection, ExistingIndex index) throws SQLException {
    dropConcurrently(connection, index, settings);
  }

  private void dropConcurrently(Connection connection, ExistingIndex index, LockBounds bounds) throws SQLException {
    String what = migration + ": dropping index " + index.name() + " on " + index.table();
    LOG.info("{} concurrently", what);
    WatchedStatement.run(connection, "DROP INDEX CONCURRENTLY IF EXISTS " + index.name().quoted(), what,
        quotedTable(index), bounds, side);
  }

  /** A catalog-only statement that still takes a strong lock: short lock_timeout, retried. */
  private void shortDdl(Connection connection, String what, String relation, String sql) throws SQLException {
    new LockRetry(settings).inShortTransaction(connection, migration + ": " + what, relation,
        settings.statementTimeout(), tx -> execute(tx, sql));
  }

  private ExistingIndex requireIndex(ExistingIndex found) throws SQLException {
    if (found.tableOid() == 0) {
      throw new SQLException(migration + ": " + found.name() + " is not an index", "42809");
    }
    return found;
  }

  private static String quotedTable(ExistingIndex index) {
    // regclass text is already quoted where needed and schema-qualified when off the search path
    return index.table();
  }

  private static Object execute(Connection connection, String sql) throws SQLException {
    try (Statement statement = connection.createStatement()) {
      statement.execute(sql);
    }
    return null;
  }

  private static String firstLine(SQLException e) {
    return String.valueOf(e.getMessage()).lines().findFirst().orElse("");
  }

  /**
   * {@code <index>_<partition>}, or when that exceeds 63 bytes a shortened form with a hash of the
   * full name, so that reruns find the same name.
   */
  static Identifier partitionIndexName(Identifier index, String partition) {
    String full = index.name() + "_" + partition;
    if (full.getBytes(StandardCharsets.UTF_8).length <= Identifier.MAX_BYTES) {
      return new Identifier(full);
    }
    CRC32 crc = new CRC32();
    crc.update(full.getBytes(StandardCharsets.UTF_8));
    String suffix = "_" + String.format("%08x", crc.getValue());
    return new Identifier(truncate(full, Identifier.MAX_BYTES - suffix.length()) + suffix);
  }

  private static String truncate(String text, int maxBytes) {
    StringBuilder kept = new StringBuilder();
    int bytes = 0;
    for (int i = 0; i < text.length(); ) {
      int codePoint = text.codePointAt(i);
      String one = new String(Character.toChars(codePoint));
      int size = one.getBytes(StandardCharsets.UTF_8).length;
      if (bytes + size > maxBytes) {
        break;
      }
      kept.append(one);
      bytes += size;
      i += Character.charCount(codePoint);
    }
    return kept.toString();
  }
}
