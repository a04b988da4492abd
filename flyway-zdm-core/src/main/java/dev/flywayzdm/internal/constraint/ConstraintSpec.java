package dev.flywayzdm.internal.constraint;

import dev.flywayzdm.internal.pg.DerivedName;
import dev.flywayzdm.internal.pg.Identifier;
import dev.flywayzdm.internal.pg.QualifiedName;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;

/** A constraint to add to an existing table without blocking writes; validated when built. */
public sealed interface ConstraintSpec {

  QualifiedName table();

  /** {@code CHECK (expression)}: the expression is the user's SQL, checked to be one fragment. */
  record Check(QualifiedName table, Identifier name, String expression) implements ConstraintSpec {
    public Check {
      Objects.requireNonNull(table);
      Objects.requireNonNull(name);
      Objects.requireNonNull(expression);
    }
  }

  /**
   * {@code FOREIGN KEY (columns) REFERENCES referenced (referencedColumns) ON DELETE onDelete}; when
   * {@code supportingIndex} is set and no valid index leads with the columns, {@code indexName} is
   * built concurrently first.
   */
  record ForeignKey(QualifiedName table, Identifier name, List<Identifier> columns, QualifiedName referenced,
      List<Identifier> referencedColumns, String onDelete, boolean supportingIndex, Identifier indexName)
      implements ConstraintSpec {
    public ForeignKey {
      columns = List.copyOf(columns);
      referencedColumns = List.copyOf(referencedColumns);
      if (columns.isEmpty() || columns.size() != referencedColumns.size()) {
        throw new IllegalArgumentException("foreign key " + name + " on " + table + ": " + columns.size()
            + " referencing column(s) but " + referencedColumns.size() + " referenced column(s); give the same number, at least one");
      }
      Objects.requireNonNull(onDelete);
      Objects.requireNonNull(indexName);
    }

    /** The default supporting index name: {@code <table>_<columns>_idx}, shortened with a hash when long. */
    public static Identifier defaultIndexName(QualifiedName table, List<Identifier> columns) {
      String[] parts = columns.stream().map(Identifier::name).toArray(String[]::new);
      String[] withSuffix = java.util.Arrays.copyOf(parts, parts.length + 1);
      withSuffix[parts.length] = "idx";
      return DerivedName.of(table.simpleName(), withSuffix);
    }
  }

  /** {@code column NOT NULL}, reached through a validated helper check. */
  record NotNull(QualifiedName table, Identifier column) implements ConstraintSpec {
    public NotNull {
      Objects.requireNonNull(table);
      Objects.requireNonNull(column);
    }

    /** The helper {@code CHECK (column IS NOT NULL)}: check names are per table, so the column suffices. */
    public Identifier helperCheck() {
      return DerivedName.of("zdm_not_null", column.name());
    }
  }

  /**
   * {@code UNIQUE} or {@code PRIMARY KEY USING INDEX}: the index gets the constraint's name (PostgreSQL
   * renames it to the constraint's anyway), built concurrently first.
   */
  record UniqueKey(QualifiedName table, Identifier name, List<Identifier> columns, boolean primaryKey)
      implements ConstraintSpec {
    public UniqueKey {
      columns = List.copyOf(columns);
      if (columns.isEmpty()) {
        throw new IllegalArgumentException((primaryKey ? "primary key " : "unique key ") + name + " on " + table
            + ": give at least one column");
      }
    }

    public String kind() {
      return primaryKey ? "PRIMARY KEY" : "UNIQUE";
    }
  }

  static String columnList(List<Identifier> columns) {
    return columns.stream().map(Identifier::quoted).collect(Collectors.joining(", "));
  }
}
