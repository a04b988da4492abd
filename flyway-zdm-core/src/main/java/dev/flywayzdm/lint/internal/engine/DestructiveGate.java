package dev.flywayzdm.lint.internal.engine;

import dev.flywayzdm.lint.internal.lexer.LexResult;
import dev.flywayzdm.lint.internal.lexer.Lexer;
import dev.flywayzdm.lint.internal.lexer.Statement;
import dev.flywayzdm.lint.internal.lexer.StatementSplitter;
import dev.flywayzdm.lint.internal.lexer.Token;
import dev.flywayzdm.lint.internal.lexer.TokenKind;
import dev.flywayzdm.lint.internal.sql.AlterAction;
import dev.flywayzdm.lint.internal.sql.AlterTable;
import dev.flywayzdm.lint.internal.sql.ColumnType;
import dev.flywayzdm.lint.internal.sql.ObjectName;
import dev.flywayzdm.lint.internal.sql.TypeChange;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The destructive-statement gate of one migrate run: reads each migration, in Flyway order, with the
 * linter's lexer and statement model, and says which of its statements would break the application
 * version still running (see {@link DestructiveStatements.Kind}) or cannot be verified at all.
 *
 * <p>It remembers what the run did before: a table, type, view or schema created earlier in the same
 * run is new in this database, so no running application uses it and dropping or changing it is not
 * destructive; the declared column types let a type change that neither rewrites nor breaks readers
 * ({@code varchar -> text}, a wider varchar or numeric, {@code cidr -> inet}) pass; and a function or
 * procedure whose body is destructive or runs computed SQL is remembered, so calling it is refused.
 *
 * <p>Dynamic SQL fails closed: an {@code EXECUTE} of a computed string (format, concatenation, a
 * variable) in a {@code DO} block, or a call of a routine that runs one, is refused because nothing
 * can tell what it will do. A constant string given to {@code EXECUTE} is read like any other SQL.
 * Not thread-safe: one gate per run.
 */
public final class DestructiveGate {

  /**
   * One statement the gate refuses.
   *
   * @param kinds what it does, as users write it ({@code DROP COLUMN}, {@code dynamic SQL})
   * @param statement the top-level statement of the migration that does it, as written
   * @param detail the body statement or call that does it, when it is not the statement itself; else empty
   * @param unverifiable true when the gate refuses because it cannot see what runs (dynamic SQL)
   */
  public record Refusal(List<String> kinds, String statement, String detail, boolean unverifiable) {}

  /** The type a column has in the database now, for columns whose declaration the run has not seen. */
  @FunctionalInterface
  public interface CatalogTypes {
    /** The column's current type, or empty when unknown. */
    Optional<ColumnType> columnType(String table, String column);

    /** Knows nothing: every type change on a table from before the run is destructive. */
    CatalogTypes NONE = (table, column) -> Optional.empty();
  }

  private final Schema schema = new Schema();
  private final Set<String> newTables = new HashSet<>();
  private final Set<String> newObjects = new HashSet<>();
  /** Routines created in this run whose body does something destructive or unverifiable, by name. */
  private final Map<String, List<String>> riskyRoutines = new HashMap<>();
  private final EngineOptions options = EngineOptions.DEFAULTS;

  /**
   * Reads the next migration of the run and returns what the gate refuses in it.
   *
   * @param sql the migration's SQL text
   * @param gated false for a migration that may do anything (before the adoption point, a contract
   *     step, or allowed by {@code zdm:allow destructive}): only its effects are learnt
   * @param catalog the current column types, for type changes of tables the run did not create
   */
  public List<Refusal> check(String sql, boolean gated, CatalogTypes catalog) {
    LexResult lexed = Lexer.lex(sql);
    List<Refusal> refusals = new ArrayList<>();
    for (Statement statement : StatementSplitter.split(lexed.tokens(), Statement.Origin.FILE)) {
      List<String> kinds = new ArrayList<>();
      List<String> details = new ArrayList<>();
      boolean[] unverifiable = {false};
      visit(statement, catalog, kinds, details, unverifiable, 0);
      if (gated && !kinds.isEmpty()) {
        refusals.add(new Refusal(List.copyOf(new LinkedHashSet<>(kinds)), text(sql, statement),
            String.join("; ", details), unverifiable[0]));
      }
    }
    return refusals;
  }

  private void visit(Statement s, CatalogTypes catalog, List<String> kinds, List<String> details,
      boolean[] unverifiable, int depth) {
    classify(s, catalog, kinds, details, unverifiable);
    if (depth > 8) {
      return; // dynamic SQL inside dynamic SQL inside ...: the outer statement is already judged
    }
    BodyStatements.Body body = BodyStatements.of(s);
    if (isRoutine(s)) {
      routine(s, body, catalog);
    } else {
      for (Statement inner : body.statements()) {
        int before = kinds.size();
        visit(inner, catalog, kinds, details, unverifiable, depth + 1);
        if (kinds.size() > before) {
          details.add(FileLinter.describe(inner));
        }
      }
      for (Statement dynamic : body.dynamic()) {
        kinds.add("dynamic SQL");
        details.add(FileLinter.describe(dynamic));
        unverifiable[0] = true;
      }
    }
    learn(s);
  }

  /** Remembers a function or procedure whose body would be refused if it ran here: calling it is. */
  private void routine(Statement s, BodyStatements.Body body, CatalogTypes catalog) {
    ObjectName name = ObjectName.at(s, s.matchesAt(1, "OR", "REPLACE") ? 4 : 2);
    if (name == null) {
      return;
    }
    List<String> kinds = new ArrayList<>();
    List<String> ignored = new ArrayList<>();
    boolean[] unverifiable = {false};
    for (Statement inner : body.statements()) {
      classify(inner, catalog, kinds, ignored, unverifiable);
    }
    if (!body.dynamic().isEmpty()) {
      kinds.add("dynamic SQL");
    }
    if (kinds.isEmpty()) {
      riskyRoutines.remove(name.name());
    } else {
      riskyRoutines.put(name.name(), List.copyOf(kinds));
    }
  }

  private void classify(Statement s, CatalogTypes catalog, List<String> kinds, List<String> details,
      boolean[] unverifiable) {
    if (s.startsWith("TRUNCATE")) {
      if (anyExisting(names(s, ObjectName.skipModifiers(s, s.isWord(1, "TABLE") ? 2 : 1)), newTables)) {
        kinds.add(DestructiveStatements.Kind.TRUNCATE.label());
      }
    } else if (s.startsWith("DROP", "TABLE")) {
      if (anyExisting(names(s, ObjectName.skipModifiers(s, 2)), newTables)) {
        kinds.add(DestructiveStatements.Kind.DROP_TABLE.label());
      }
    } else if (s.startsWith("DROP", "SCHEMA")) {
      if (anyExisting(names(s, ObjectName.skipModifiers(s, 2)), newObjects)) {
        kinds.add(DestructiveStatements.Kind.DROP_SCHEMA.label());
      }
    } else if ((s.startsWith("DROP", "TYPE") || s.startsWith("DROP", "DOMAIN") || s.startsWith("DROP", "EXTENSION"))
        && s.get(s.size() - 1).isWord("CASCADE")) {
      // CASCADE drops every column of the type: data gone, and readers of those columns fail
      if (anyExisting(names(s, ObjectName.skipModifiers(s, 2)), newObjects)) {
        kinds.add("DROP " + s.get(1).upper() + " ... CASCADE (drops every column and object that depends on it)");
      }
    } else {
      AlterTable alter = AlterTable.read(s);
      if (alter != null && !newTables.contains(alter.table())) {
        for (AlterAction action : alter.actions()) {
          alterAction(alter.table(), action, catalog, kinds);
        }
      }
    }
    calls(s, kinds, details, unverifiable);
  }

  private void alterAction(String table, AlterAction action, CatalogTypes catalog, List<String> kinds) {
    switch (action.kind()) {
      case DROP_COLUMN -> kinds.add(DestructiveStatements.Kind.DROP_COLUMN.label());
      case RENAME_COLUMN -> kinds.add(DestructiveStatements.Kind.RENAME_COLUMN.label());
      case RENAME_TABLE -> kinds.add(DestructiveStatements.Kind.RENAME_TABLE.label());
      case SET_SCHEMA -> kinds.add(DestructiveStatements.Kind.MOVE_TABLE.label());
      case ALTER_COLUMN_TYPE -> {
        Optional<ColumnType> from = schema.columnType(table, action.column());
        if (from.isEmpty()) {
          from = catalog.columnType(table, action.column());
        }
        boolean harmless = action.newType() != null && !action.hasUsing() && from.isPresent()
            && TypeChange.rewriteFree(from.get(), action.newType());
        if (!harmless) {
          kinds.add(DestructiveStatements.Kind.ALTER_COLUMN_TYPE.label());
        }
      }
      default -> {
        // ADD, SET DEFAULT, VALIDATE, DROP CONSTRAINT ...: what the old application uses stays
      }
    }
  }

  /** {@code CALL p(...)}, {@code SELECT f(...)}, {@code PERFORM f(...)} of a routine remembered as risky. */
  private void calls(Statement s, List<String> kinds, List<String> details, boolean[] unverifiable) {
    if (riskyRoutines.isEmpty() || isRoutine(s)) {
      return;
    }
    for (int i = 0; i + 1 < s.size(); i++) {
      Token token = s.get(i);
      if (token.isIdentifier() && s.get(i + 1).is(TokenKind.OPEN_PAREN) && riskyRoutines.containsKey(token.identifier())
          && !(i > 0 && s.get(i - 1).isWord("FUNCTION") || i > 0 && s.get(i - 1).isWord("PROCEDURE"))) {
        List<String> inner = riskyRoutines.get(token.identifier());
        kinds.addAll(inner);
        details.add("calls " + token.identifier() + "(), whose body runs " + String.join(", ", inner));
        unverifiable[0] |= inner.contains("dynamic SQL");
      }
    }
  }

  /** Records what the statement creates, drops and renames, for the statements after it. */
  private void learn(Statement s) {
    if (s.startsWith("CREATE")) {
      int at = s.matchesAt(1, "OR", "REPLACE") ? 3 : 1;
      while (s.isWord(at, "TEMP") || s.isWord(at, "TEMPORARY") || s.isWord(at, "UNLOGGED")
          || s.isWord(at, "GLOBAL") || s.isWord(at, "LOCAL") || s.isWord(at, "RECURSIVE")) {
        at++;
      }
      boolean materialized = s.matchesAt(at, "MATERIALIZED", "VIEW");
      ObjectName name = ObjectName.at(s, ObjectName.skipModifiers(s, at + (materialized ? 2 : 1)));
      if (name != null && s.isWord(at, "TABLE")) {
        newTables.add(name.name());
      } else if (name != null && (materialized || s.isWord(at, "VIEW") || s.isWord(at, "TYPE")
          || s.isWord(at, "DOMAIN") || s.isWord(at, "SEQUENCE") || s.isWord(at, "FUNCTION")
          || s.isWord(at, "PROCEDURE") || s.isWord(at, "EXTENSION"))) {
        newObjects.add(name.name());
      } else if (s.isWord(at, "SCHEMA")) {
        ObjectName schemaName = ObjectName.at(s, ObjectName.skipModifiers(s, at + 1));
        if (schemaName != null) {
          newObjects.add(schemaName.name());
        }
      }
    } else if (s.startsWith("DROP", "TABLE")) {
      names(s, ObjectName.skipModifiers(s, 2)).forEach(newTables::remove);
    } else {
      AlterTable alter = AlterTable.read(s);
      if (alter != null) {
        for (AlterAction action : alter.actions()) {
          if (action.kind() == AlterAction.Kind.RENAME_TABLE && newTables.remove(alter.table())) {
            newTables.add(action.target());
          }
        }
      }
    }
    // Column types, renames and the rest: the linter's own bookkeeping, so both read a migration alike.
    StatementEffects.apply(new StatementContext(s, true, schema.newTransaction(), options, schema,
        new FileState(true, false, false, 0)), true);
  }

  /** The comma-separated names from {@code i} on, up to CASCADE/RESTRICT or the end. */
  private static List<String> names(Statement s, int i) {
    List<String> names = new ArrayList<>();
    int at = i;
    while (at < s.size()) {
      ObjectName name = ObjectName.at(s, at);
      if (name == null) {
        break;
      }
      names.add(name.name());
      at = name.next();
      // skip a routine's argument list: DROP FUNCTION f(int), g(text)
      if (at < s.size() && s.get(at).is(TokenKind.OPEN_PAREN)) {
        int depth = 0;
        do {
          depth += s.get(at).is(TokenKind.OPEN_PAREN) ? 1 : s.get(at).is(TokenKind.CLOSE_PAREN) ? -1 : 0;
          at++;
        } while (at < s.size() && depth > 0);
      }
      if (at < s.size() && s.get(at).is(TokenKind.COMMA)) {
        at++;
      } else {
        break;
      }
    }
    return names;
  }

  private static boolean anyExisting(List<String> names, Set<String> created) {
    return names.isEmpty() || names.stream().anyMatch(name -> !created.contains(name));
  }

  private static boolean isRoutine(Statement s) {
    int at = s.matchesAt(1, "OR", "REPLACE") ? 3 : 1;
    return s.isWord(0, "CREATE") && (s.isWord(at, "FUNCTION") || s.isWord(at, "PROCEDURE"));
  }

  /** The statement as written in the file, with its semicolon. */
  private static String text(String sql, Statement s) {
    Token last = s.get(s.size() - 1);
    int end = last.offset() + last.text().length();
    int semicolon = end;
    while (semicolon < sql.length() && Character.isWhitespace(sql.charAt(semicolon))) {
      semicolon++;
    }
    if (semicolon < sql.length() && sql.charAt(semicolon) == ';') {
      end = semicolon + 1;
    }
    return sql.substring(s.first().offset(), end);
  }
}
