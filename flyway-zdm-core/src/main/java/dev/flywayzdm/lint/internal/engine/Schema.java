package dev.flywayzdm.lint.internal.engine;

import dev.flywayzdm.lint.internal.sql.ColumnType;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What the migrations read so far say about the database, carried from file to file in Flyway order.
 *
 * <p>A table created by a pending migration is empty when later statements touch it, so locking it is
 * harmless; a table from an applied migration (or from nowhere in sight) is assumed to be large and busy.
 */
public final class Schema {

  /** A {@code CHECK (col IS NOT NULL)} or {@code NOT NULL col} constraint and whether it is validated. */
  record NotNullConstraint(String table, String column, boolean validated, long transaction) {}

  /** A constraint added NOT VALID, waiting for VALIDATE. */
  record UnvalidatedConstraint(String table, long transaction) {}

  private final Set<String> newTables = new HashSet<>();
  private final Map<String, String> newIndexes = new HashMap<>();
  private final Map<String, String> indexTables = new HashMap<>();
  private final Set<String> checkConstraints = new HashSet<>();
  private final Map<String, List<List<String>>> indexedColumns = new HashMap<>();
  private final Set<String> tablesWithValidatedCheck = new HashSet<>();
  private final Map<String, Map<String, ColumnType>> columnTypes = new HashMap<>();
  private final Map<String, NotNullConstraint> notNullConstraints = new HashMap<>();
  private final Map<String, UnvalidatedConstraint> unvalidated = new HashMap<>();
  private long transactions;

  /** Whether the table was created by a pending migration read so far. */
  public boolean isNew(String table) {
    return table != null && newTables.contains(table);
  }

  /** Whether the index was created by a pending migration (or belongs to a new table). */
  public boolean isNewIndex(String index) {
    return newIndexes.containsKey(index);
  }

  /**
   * Forgets which tables and indexes are new: from here on they count as existing ones with rows,
   * as when each file is judged on its own.
   */
  public void forgetNewObjects() {
    newTables.clear();
    newIndexes.clear();
  }

  public void tableCreated(String table, boolean pending) {
    columnTypes.remove(table);
    if (pending) {
      newTables.add(table);
    } else {
      newTables.remove(table);
    }
  }

  public void tableDropped(String table) {
    newTables.remove(table);
    tablesWithValidatedCheck.remove(table);
    indexedColumns.remove(table);
    columnTypes.remove(table);
  }

  public void tableRenamed(String from, String to) {
    if (newTables.remove(from)) {
      newTables.add(to);
    }
    indexTables.replaceAll((index, table) -> table.equals(from) ? to : table);
    List<List<String>> indexed = indexedColumns.remove(from);
    if (indexed != null) {
      indexedColumns.put(to, indexed);
    }
    Map<String, ColumnType> columns = columnTypes.remove(from);
    if (columns != null) {
      columnTypes.put(to, columns);
    }
  }

  /** An index, primary key or unique constraint on the table whose leading plain columns are these. */
  public void columnsIndexed(String table, List<String> leadingColumns) {
    if (table != null && !leadingColumns.isEmpty()) {
      indexedColumns.computeIfAbsent(table, t -> new ArrayList<>()).add(List.copyOf(leadingColumns));
    }
  }

  /**
   * Whether an index seen so far starts with exactly these columns, in any order: then a lookup by them,
   * such as the one a foreign key check makes on every delete of the referenced row, uses the index.
   */
  public boolean hasIndexLeadingWith(String table, List<String> columns) {
    Set<String> wanted = Set.copyOf(columns);
    return indexedColumns.getOrDefault(table, List.of()).stream()
        .anyMatch(index -> index.size() >= wanted.size()
            && Set.copyOf(index.subList(0, wanted.size())).equals(wanted));
  }

  /** The table of an index created by any migration read so far (applied or pending). */
  public Optional<String> indexTable(String index) {
    return Optional.ofNullable(indexTables.get(index));
  }

  public void indexCreated(String index, String table, boolean pending) {
    if (index != null && table != null) {
      indexTables.put(index, table);
    }
    if (pending && index != null) {
      newIndexes.put(index, table);
    }
  }

  public void indexDropped(String index) {
    newIndexes.remove(index);
    indexTables.remove(index);
  }

  public void columnTyped(String table, String column, ColumnType type) {
    if (type != null) {
      columnTypes.computeIfAbsent(table, t -> new HashMap<>()).put(column, type);
    }
  }

  public Optional<ColumnType> columnType(String table, String column) {
    return Optional.ofNullable(columnTypes.getOrDefault(table, Map.of()).get(column));
  }

  public void columnRenamed(String table, String from, String to) {
    Map<String, ColumnType> columns = columnTypes.get(table);
    if (columns != null && columns.containsKey(from)) {
      columns.put(to, columns.remove(from));
    }
  }

  void notNullConstraintAdded(String name, String table, String column, boolean validated, long transaction) {
    notNullConstraints.put(key(table, name), new NotNullConstraint(table, column, validated, transaction));
  }

  void constraintAddedNotValid(String name, String table, long transaction) {
    unvalidated.put(key(table, name), new UnvalidatedConstraint(table, transaction));
  }

  /** The transaction in which the constraint was added NOT VALID, if it still waits for VALIDATE. */
  public Optional<Long> addedNotValidIn(String table, String name) {
    return Optional.ofNullable(unvalidated.get(key(table, name))).map(UnvalidatedConstraint::transaction);
  }

  /** A CHECK constraint on the table, validated or added NOT VALID (VALIDATE completes it). */
  void checkConstraintAdded(String table, String name, boolean validated) {
    if (name != null) {
      checkConstraints.add(key(table, name));
    }
    if (validated) {
      tablesWithValidatedCheck.add(table);
    }
  }

  /**
   * Whether a validated CHECK constraint on the table is seen. ATTACH PARTITION skips its scan when one
   * implies the partition bounds; the bounds are not compared, a CHECK is taken as written for that.
   */
  public boolean hasValidatedCheck(String table) {
    return tablesWithValidatedCheck.contains(table);
  }

  void constraintValidated(String table, String name, long transaction) {
    if (checkConstraints.contains(key(table, name))) {
      tablesWithValidatedCheck.add(table);
    }
    unvalidated.remove(key(table, name));
    NotNullConstraint check = notNullConstraints.get(key(table, name));
    if (check != null) {
      notNullConstraints.put(key(table, name), new NotNullConstraint(table, check.column(), true, transaction));
    }
  }

  void constraintDropped(String table, String name) {
    unvalidated.remove(key(table, name));
    notNullConstraints.remove(key(table, name));
  }

  /** Whether a validated not-null check on the column exists, so SET NOT NULL needs no scan (PG 12+). */
  public boolean hasValidatedNotNullCheck(String table, String column) {
    return notNullConstraints.values().stream()
        .anyMatch(c -> c.table().equals(table) && c.column().equals(column) && c.validated());
  }

  /** A fresh transaction number; statements with the same number share one transaction. */
  long newTransaction() {
    return ++transactions;
  }

  private static String key(String table, String constraint) {
    return table + "\u0000" + constraint;
  }
}
