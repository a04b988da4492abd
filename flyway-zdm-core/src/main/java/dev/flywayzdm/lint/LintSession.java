package dev.flywayzdm.lint;

import dev.flywayzdm.lint.internal.engine.EngineOptions;
import dev.flywayzdm.lint.internal.engine.FileLinter;
import dev.flywayzdm.lint.internal.engine.FileResult;
import dev.flywayzdm.lint.internal.engine.FloodGroups;
import dev.flywayzdm.lint.internal.engine.RawFinding;
import dev.flywayzdm.lint.internal.engine.Schema;
import dev.flywayzdm.lint.internal.lexer.LexResult;
import dev.flywayzdm.lint.internal.lexer.Lexer;
import dev.flywayzdm.lint.internal.rules.Rules;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Lints migrations one at a time, in the order Flyway applies them, remembering what earlier ones
 * did: a table created by an earlier pending migration of the session is new and empty, so indexing
 * or altering it later is not reported; one created by an applied migration exists and holds rows. Not thread-safe; one session per migration run.
 *
 * <p>This is the entry point for linting just before each migration runs (the callback):
 *
 * <pre>{@code
 * LintSession session = new Linter(LintOptions.builder().callbackActive(true).build()).session();
 * // for each pending SQL migration, in order:
 * List<Finding> findings = session.lintScript("V7__add_index.sql", sql);
 * }</pre>
 */
public final class LintSession {

  private final LintOptions options;
  private final Schema schema = new Schema();
  private final FileLinter fileLinter;
  private final List<Finding> findings = new ArrayList<>();
  private final List<String> pendingFiles = new ArrayList<>();
  private final List<String> appliedFiles = new ArrayList<>();
  private final List<String> notRunFiles = new ArrayList<>();
  private int files;
  private int statements;

  LintSession(LintOptions options) {
    this.options = options;
    EngineOptions engine = new EngineOptions(options.targetMajor(), options.contractSteps());
    this.fileLinter = new FileLinter(engine, schema, Rules.all());
  }

  /** Lints one migration whose transaction mode Flyway derives from its statements. */
  public List<Finding> lintScript(String fileName, String sql) {
    return lint(MigrationSource.of(fileName, sql));
  }

  /**
   * Lints the next migration. Applied migrations ({@link MigrationSource#applied()}, those up to
   * {@link LintOptions#startAfter()}) and baseline migrations, which only ever run on an empty
   * database, are read for their schema and return no findings; a file Flyway never runs is only listed.
   *
   * @return the findings of this migration, ordered by line and column
   */
  public List<Finding> lint(MigrationSource source) {
    if (source.kind() == MigrationSource.Kind.NOT_A_MIGRATION) {
      notRunFiles.add(source.fileName() + ": " + source.description());
      return List.of();
    }
    boolean pending = pending(source);
    (pending ? pendingFiles : appliedFiles).add(source.fileName());
    if (options.eachFileAlone()) {
      // Nobody knows what the database already ran: each file is judged as on the day it was added.
      schema.forgetNewObjects();
    }
    LexResult lexed = Lexer.lex(source.sql());
    MigrationDirectives directives = MigrationDirectives.fromComments(lexed.comments());
    FileResult result = fileLinter.lint(lexed, source.executeInTransaction(), directives.destructiveAllowed(), pending);
    if (!pending) {
      return List.of();
    }
    List<Finding> fileFindings = new Suppressions(source, directives, result, options).apply();
    fileFindings.sort(Comparator.comparingInt(Finding::line).thenComparingInt(Finding::column));
    findings.addAll(fileFindings);
    files++;
    statements += result.statementCount();
    return List.copyOf(fileFindings);
  }

  /** Everything found so far in this session. */
  public LintReport report() {
    return new LintReport(findings, files, statements, pendingFiles, appliedFiles, notRunFiles);
  }

  private boolean pending(MigrationSource source) {
    if (source.applied() || source.kind() == MigrationSource.Kind.BASELINE) {
      return false;
    }
    if (options.startAfter().isEmpty() || source.version().isEmpty()) {
      return true;
    }
    return MigrationSource.compareVersions(source.version().get(), options.startAfter().get()) > 0;
  }

  /** Applies options and zdm:ignore directives to one file's raw findings, and reports bad directives. */
  private static final class Suppressions {
    private final MigrationSource source;
    private final MigrationDirectives directives;
    private final FileResult result;
    private final LintOptions options;
    private final Set<MigrationDirectives.Ignore> used = new HashSet<>();

    Suppressions(MigrationSource source, MigrationDirectives directives, FileResult result, LintOptions options) {
      this.source = source;
      this.directives = directives;
      this.result = result;
      this.options = options;
    }

    List<Finding> apply() {
      List<RawFinding> kept = new ArrayList<>();
      for (RawFinding raw : result.findings()) {
        RuleId rule = rule(raw);
        if (options.enabled(rule) && !suppressed(raw, rule)) {
          kept.add(raw);
        }
      }
      List<Finding> out = new ArrayList<>();
      // Folded after suppression: a zdm:ignore on one UPDATE must not hide the others.
      for (RawFinding raw : FloodGroups.fold(kept)) {
        out.add(finding(rule(raw), raw.line(), raw.column(), raw.message(), raw.fix()));
      }
      for (MigrationDirectives.Problem problem : directives.problems()) {
        add(out, RuleId.INVALID_DIRECTIVE, problem.line(), problem.column(), problem.message());
      }
      directives.contract().ifPresent(contract -> source.version().ifPresent(version -> {
        if (MigrationSource.compareVersions(contract.expandVersion(), version) >= 0) {
          add(out, RuleId.INVALID_DIRECTIVE, contract.line(), contract.column(), "zdm:contract expand="
              + contract.expandVersion() + " must name an earlier migration than this one (" + version + ")");
        }
      }));
      for (MigrationDirectives.Ignore ignore : directives.ignores()) {
        boolean relevant = ignore.rules().stream().anyMatch(options::enabled);
        if (!used.contains(ignore) && relevant) {
          add(out, RuleId.UNUSED_SUPPRESSION, ignore.line(), ignore.column(), (ignore.wholeFile()
              ? "zdm:ignore-file " : "zdm:ignore ") + ignore.rules().stream().map(RuleId::id).reduce((a, b) -> a
              + "," + b).orElse("") + " matches no finding" + (ignore.wholeFile() ? " in this file"
              : " on the next statement"));
        }
      }
      return out;
    }

    private static RuleId rule(RawFinding raw) {
      return RuleId.fromId(raw.rule())
          .orElseThrow(() -> new IllegalStateException("A finding names no known rule: " + raw.rule()));
    }

    private boolean suppressed(RawFinding raw, RuleId rule) {
      for (MigrationDirectives.Ignore ignore : directives.ignores()) {
        if (!ignore.rules().contains(rule)) {
          continue;
        }
        if (ignore.wholeFile() || raw.anchor() >= 0 && raw.anchor() == target(ignore)) {
          used.add(ignore);
          return true;
        }
      }
      return false;
    }

    /** The index of the first top-level statement after the directive. */
    private int target(MigrationDirectives.Ignore ignore) {
      FileResult.Position at = new FileResult.Position(ignore.line(), ignore.column());
      List<FileResult.Position> starts = result.statementStarts();
      for (int i = 0; i < starts.size(); i++) {
        if (starts.get(i).compareTo(at) > 0) {
          return i;
        }
      }
      return -2;
    }

    private void add(List<Finding> out, RuleId rule, int line, int column, String message) {
      if (options.enabled(rule)) {
        out.add(finding(rule, line, column, message, null));
      }
    }

    private Finding finding(RuleId rule, int line, int column, String message, String fix) {
      return new Finding(source.fileName(), line, column, rule, options.severityOf(rule), message, rule.why(),
          fix == null ? rule.help() : fix);
    }
  }
}
