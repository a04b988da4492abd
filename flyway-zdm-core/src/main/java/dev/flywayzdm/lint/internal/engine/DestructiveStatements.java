package dev.flywayzdm.lint.internal.engine;

import dev.flywayzdm.lint.internal.lexer.Lexer;
import dev.flywayzdm.lint.internal.lexer.Statement;
import dev.flywayzdm.lint.internal.lexer.StatementSplitter;
import dev.flywayzdm.lint.internal.sql.AlterAction;
import dev.flywayzdm.lint.internal.sql.AlterTable;
import java.util.ArrayList;
import java.util.List;

/**
 * Finds the statements that break the application version still running during a rolling deploy:
 * they remove or rename something it reads, or change a type it binds to. They belong in a declared
 * contract step, after the expand has soaked. The callback's destructive-statement gate asks this
 * before each statement runs; it reads SQL with the linter's lexer and statement model, so the
 * statements a {@code DO} block runs count too (a function body runs only when called: it does not).
 */
public final class DestructiveStatements {

  /** What a destructive statement does. */
  public enum Kind {
    DROP_TABLE("DROP TABLE"),
    DROP_COLUMN("DROP COLUMN"),
    RENAME_TABLE("RENAME of a table"),
    MOVE_TABLE("SET SCHEMA of a table"),
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

  private DestructiveStatements() {}

  /** The destructive operations of every statement in {@code sql}, in order (a statement may have several). */
  public static List<Kind> classify(String sql) {
    List<Kind> found = new ArrayList<>();
    for (Statement statement : StatementSplitter.split(Lexer.lex(sql).tokens(), Statement.Origin.FILE)) {
      classify(statement, found);
      if (statement.startsWith("DO")) {
        BodyStatements.of(statement).statements().forEach(inner -> classify(inner, found));
      }
    }
    return found;
  }

  private static void classify(Statement s, List<Kind> found) {
    if (s.startsWith("TRUNCATE")) {
      found.add(Kind.TRUNCATE);
    } else if (s.startsWith("DROP", "TABLE")) {
      found.add(Kind.DROP_TABLE);
    } else if (s.startsWith("DROP", "SCHEMA")) {
      found.add(Kind.DROP_SCHEMA);
    } else {
      AlterTable alter = AlterTable.read(s);
      if (alter != null) {
        alter.actions().forEach(action -> classify(action, found));
      }
    }
  }

  private static void classify(AlterAction action, List<Kind> found) {
    switch (action.kind()) {
      case DROP_COLUMN -> found.add(Kind.DROP_COLUMN);
      case RENAME_COLUMN -> found.add(Kind.RENAME_COLUMN);
      case RENAME_TABLE -> found.add(Kind.RENAME_TABLE);
      case SET_SCHEMA -> found.add(Kind.MOVE_TABLE);
      case ALTER_COLUMN_TYPE -> found.add(Kind.ALTER_COLUMN_TYPE);
      default -> {
        // other actions (ADD, SET DEFAULT, VALIDATE, DROP CONSTRAINT ...) keep what the old application uses
      }
    }
  }
}
