package dev.flywayzdm.internal.sql;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Finds the statements that break the application version still running during a rolling
 * deploy: they remove or rename something it reads, or rewrite a type it binds to. Such statements
 * belong in a declared contract step, after the expand has soaked.
 */
public final class DestructiveStatements {

  /** What a destructive statement does. */
  public enum Kind {
    DROP_TABLE("DROP TABLE"),
    DROP_COLUMN("DROP COLUMN"),
    RENAME_TABLE("RENAME of a table"),
    RENAME_COLUMN("RENAME of a column"),
    ALTER_COLUMN_TYPE("ALTER COLUMN ... TYPE"),
    TRUNCATE("TRUNCATE"),
    DROP_SCHEMA("DROP SCHEMA");

    private final String label;

    Kind(String label) {
      this.label = label;
    }

    /** How users write it, for messages. */
    public String label() {
      return label;
    }
  }

  /** ALTER TABLE ... DROP followed by one of these removes something other than a column. */
  private static final Set<String> DROP_NOT_A_COLUMN = Set.of("constraint", "default", "not", "identity", "expression");

  private DestructiveStatements() {}

  /** The destructive operations of every statement in {@code sql}, in order (a statement may have several). */
  public static List<Kind> classify(String sql) {
    List<Kind> found = new ArrayList<>();
    for (List<SqlToken> statement : SqlLexer.statements(sql)) {
      found.addAll(classifyStatement(statement));
    }
    return found;
  }

  private static List<Kind> classifyStatement(List<SqlToken> t) {
    List<Kind> found = new ArrayList<>();
    if (t.isEmpty() || t.get(0).kind() != SqlToken.Kind.WORD) {
      return found;
    }
    String first = t.get(0).text();
    if (first.equals("truncate")) {
      found.add(Kind.TRUNCATE);
    } else if (first.equals("drop") && t.size() > 1 && t.get(1).is("table")) {
      found.add(Kind.DROP_TABLE);
    } else if (first.equals("drop") && t.size() > 1 && t.get(1).is("schema")) {
      found.add(Kind.DROP_SCHEMA);
    } else if (first.equals("alter") && t.size() > 1 && t.get(1).is("table")) {
      alterTableActions(t, found);
    }
    return found;
  }

  private static void alterTableActions(List<SqlToken> t, List<Kind> found) {
    for (int i = 2; i < t.size(); i++) {
      SqlToken token = t.get(i);
      if (token.depth() != 0 || token.kind() != SqlToken.Kind.WORD) {
        continue;
      }
      switch (token.text()) {
        case "rename" -> {
          SqlToken next = at(t, i + 1);
          if (next != null && next.is("to")) {
            found.add(Kind.RENAME_TABLE);
          } else if (next != null && !next.is("constraint")) {
            found.add(Kind.RENAME_COLUMN);
          }
        }
        case "drop" -> {
          SqlToken next = at(t, i + 1);
          if (next != null && !(next.kind() == SqlToken.Kind.WORD && DROP_NOT_A_COLUMN.contains(next.text()))) {
            found.add(Kind.DROP_COLUMN);
          }
        }
        case "type" -> {
          if (isColumnTypeChange(t, i)) {
            found.add(Kind.ALTER_COLUMN_TYPE);
          }
        }
        default -> {
          // other actions (ADD, SET, VALIDATE, ...) keep what the old application uses
        }
      }
    }
  }

  /** {@code SET DATA TYPE}, {@code ALTER [COLUMN] name TYPE}. */
  private static boolean isColumnTypeChange(List<SqlToken> t, int typeIndex) {
    SqlToken before = at(t, typeIndex - 1);
    if (before == null) {
      return false;
    }
    if (before.is("data")) {
      return true;
    }
    SqlToken keyword = at(t, typeIndex - 2);
    if (!before.isName() || before.is("column") || keyword == null) {
      return false;
    }
    if (keyword.is("alter")) {
      return true;
    }
    SqlToken alter = at(t, typeIndex - 3);
    return keyword.is("column") && alter != null && alter.is("alter");
  }

  private static SqlToken at(List<SqlToken> t, int i) {
    return i >= 0 && i < t.size() ? t.get(i) : null;
  }
}
