package dev.flywayzdm.lint.internal.engine;

import dev.flywayzdm.lint.internal.lexer.LexError;
import dev.flywayzdm.lint.internal.lexer.LexResult;
import dev.flywayzdm.lint.internal.lexer.Statement;
import dev.flywayzdm.lint.internal.lexer.StatementSplitter;
import dev.flywayzdm.lint.internal.lexer.Token;
import dev.flywayzdm.lint.internal.sql.ObjectName;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Runs the rules over one migration file: decides how Flyway will run it (one transaction or
 * autocommit), walks its statements and the statements inside its bodies in order, and records each
 * statement's effects for the ones after it.
 */
public final class FileLinter {

  /** Rules that make no sense for a routine body, which runs later, in the caller's transaction. */
  private static final Set<String> NOT_FOR_ROUTINES = Set.of(
      "require-lock-timeout", "statements-after-access-exclusive", "prefer-robust-statements");

  private final EngineOptions options;
  private final Schema schema;
  private final List<Rule> rules;

  public FileLinter(EngineOptions options, Schema schema, List<Rule> rules) {
    this.options = options;
    this.schema = schema;
    this.rules = rules;
  }

  /**
   * Lints one file.
   *
   * @param lexed the file's tokens
   * @param executeInTransaction the script config's setting, if any
   * @param destructiveAllowed whether the file is a declared contract step or allows destructive changes
   * @param pending false for an already applied migration: its effects are learnt, nothing is reported
   */
  public FileResult lint(
      LexResult lexed, Optional<Boolean> executeInTransaction, boolean destructiveAllowed, boolean pending) {
    Reporter out = new Reporter();
    List<Statement> statements = StatementSplitter.split(lexed.tokens(), Statement.Origin.FILE);
    List<FileResult.Position> starts = new ArrayList<>();
    statements.forEach(s -> starts.add(new FileResult.Position(s.line(), s.column())));

    Statement firstNonTransactional = null;
    boolean anyTransactional = false;
    for (Statement s : statements) {
      if (FlywayTransactions.nonTransactional(s, options.targetMajor())) {
        firstNonTransactional = firstNonTransactional == null ? s : firstNonTransactional;
      } else {
        anyTransactional = true;
      }
    }
    boolean fileInTransaction = executeInTransaction.orElse(firstNonTransactional == null);
    FileState file = new FileState(fileInTransaction, destructiveAllowed,
        hasDdlOnExistingTable(statements, fileInTransaction), schema.newTransaction());
    if (pending && executeInTransaction.isEmpty() && firstNonTransactional != null && anyTransactional) {
      out.anchor(statements.indexOf(firstNonTransactional));
      out.report("mixed-transaction-modes", firstNonTransactional.first(),
          "Flyway runs '" + describe(firstNonTransactional) + "' outside a transaction, but other statements of"
              + " this file need one: Flyway refuses the file unless flyway.mixed=true");
    }

    int count = 0;
    Token openedAt = null;
    for (int i = 0; i < statements.size(); i++) {
      Statement statement = statements.get(i);
      out.anchor(i);
      boolean inTransaction = file.fileInTransaction || file.explicitTransaction;
      long transaction = inTransaction ? file.transaction : schema.newTransaction();
      StatementContext context = new StatementContext(statement, inTransaction, transaction, options, schema, file);
      if (pending) {
        out.subject(StatementSubject.of(context));
        run(context, out);
      }
      count++;
      BodyStatements.Body body = BodyStatements.of(statement);
      for (Statement inner : body.statements()) {
        boolean routine = inner.origin() == Statement.Origin.ROUTINE_BODY;
        StatementContext innerContext = new StatementContext(inner, true,
            routine ? schema.newTransaction() : transaction, options, schema, file);
        if (pending) {
          out.subject(StatementSubject.of(innerContext));
          run(innerContext, out);
        }
        if (!routine) {
          StatementEffects.apply(innerContext, pending);
        }
        count++;
      }
      if (pending) {
        out.subject(null);
        for (LexError error : body.errors()) {
          out.report("syntax-error", statement.first(), "Body of '" + describe(statement) + "': "
              + error.message() + " (line " + error.line() + ", column " + error.column() + ")");
        }
      }
      StatementEffects.apply(context, pending);
      if (FlywayTransactions.beginsTransaction(statement) && !file.explicitTransaction) {
        file.explicitTransaction = true;
        openedAt = statement.first();
        if (!file.fileInTransaction) {
          file.transaction = schema.newTransaction();
        }
      } else if (FlywayTransactions.endsTransaction(statement)) {
        file.explicitTransaction = false;
        openedAt = null;
        file.transaction = schema.newTransaction();
        file.lockTimeoutTransaction = -1;
      }
    }
    if (pending && openedAt != null && !file.fileInTransaction) {
      out.anchor(-1);
      out.report("transaction-nesting", openedAt,
          "This transaction is never committed: the migration ends with it open");
    }
    if (pending) {
      lexed.error().ifPresent(error -> out.reportAt("syntax-error", error.line(), error.column(),
          error.message().substring(0, 1).toUpperCase(Locale.ROOT) + error.message().substring(1)
              + "; nothing after it was checked"));
    }
    return new FileResult(List.copyOf(starts), List.copyOf(out.findings()), count);
  }

  private void run(StatementContext context, Reporter out) {
    for (Rule rule : rules) {
      if (context.inRoutineBody() && NOT_FOR_ROUTINES.contains(rule.id())) {
        continue;
      }
      rule.check(context, out);
    }
  }

  /** Whether some statement changes an existing table's structure (a backfill then shares its migration). */
  private boolean hasDdlOnExistingTable(List<Statement> statements, boolean fileInTransaction) {
    Set<String> createdHere = new HashSet<>();
    FileState scratch = new FileState(fileInTransaction, false, false, 0);
    for (Statement s : statements) {
      StatementContext context = new StatementContext(s, fileInTransaction, 0, options, schema, scratch);
      if (s.startsWith("CREATE", "TABLE")) {
        ObjectName created = ObjectName.at(s, ObjectName.skipModifiers(s, 2));
        if (created != null) {
          createdHere.add(created.name());
        }
      }
      Optional<TableLock> lock = TableLock.of(context);
      if (lock.isPresent() && lock.get().mode().blocksWrites() && lock.get().existing()
          && !createdHere.contains(lock.get().object())) {
        return true;
      }
    }
    return false;
  }

  /** The first words of a statement, for messages. */
  static String describe(Statement statement) {
    StringBuilder text = new StringBuilder();
    for (int i = 0; i < Math.min(statement.size(), 6); i++) {
      text.append(i == 0 ? "" : " ").append(statement.get(i).text());
    }
    return statement.size() > 6 ? text + " ..." : text.toString();
  }
}
