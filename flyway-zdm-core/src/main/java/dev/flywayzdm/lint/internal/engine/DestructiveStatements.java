package dev.flywayzdm.lint.internal.engine;

/**
 * Finds the statements that break the application version still running during a rolling deploy:
 * they remove or rename something it reads, or change a type it binds to. They belong in a declared
 * contract step, after the expand has soaked. {@link DestructiveGate} finds them, reading SQL with the
 * linter's lexer and statement model.
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
}
