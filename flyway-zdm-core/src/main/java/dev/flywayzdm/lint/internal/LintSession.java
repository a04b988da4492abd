package dev.flywayzdm.lint.internal;

import dev.flywayzdm.lint.internal.engine.FileLinter;
import dev.flywayzdm.lint.internal.engine.FileResult;
import dev.flywayzdm.lint.internal.engine.FloodGroups;
import dev.flywayzdm.lint.internal.engine.RawFinding;
import dev.flywayzdm.lint.internal.engine.RuleInfo;
import dev.flywayzdm.lint.internal.engine.Schema;
import dev.flywayzdm.lint.internal.lexer.LexResult;
import dev.flywayzdm.lint.internal.lexer.Lexer;
import dev.flywayzdm.lint.internal.rules.RuleHelp;
import dev.flywayzdm.lint.internal.rules.Rules;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Lints migrations one at a time, in the order Flyway applies them, remembering what earlier ones
 * did: a table created by an earlier pending migration of the session is new and empty, so indexing
 * or altering it later is not reported; one created by an applied migration exists and holds rows. Not thread-safe; one session per migration run. The public
 * {@code Linter} and its {@code Linter.Session} are the way in.
 */
public final class LintSession {

  private final SessionOptions options;
  private final Schema schema = new Schema();
  private final FileLinter fileLinter;
  private final List<LintedFinding> findings = new ArrayList<>();
  private int files;
  private int statements;

  public LintSession(SessionOptions options) {
    this.options = options;
    this.fileLinter = new FileLinter(options.engine(), schema, Rules.all());
  }

  /**
   * Lints the next migration. Applied migrations and those up to {@link SessionOptions#startAfter()}
   * are read for their schema and return no findings.
   *
   * @param executeInTransaction the script config's setting, or empty when Flyway decides from the statements
   * @param version the migration's Flyway version, empty for repeatable and unversioned files
   * @param applied whether the database already ran it: context, never findings
   * @return the findings of this migration, ordered by line and column
   */
  public List<LintedFinding> lint(String fileName, String sql, Optional<Boolean> executeInTransaction,
      Optional<String> version, boolean applied) {
    boolean pending = !applied && pending(version);
    if (options.eachFileAlone()) {
      // Nobody knows what the database already ran: each file is judged as on the day it was added.
      schema.forgetNewObjects();
    }
    LexResult lexed = Lexer.lex(sql);
    MigrationDirectives directives = MigrationDirectives.fromComments(lexed.comments());
    FileResult result = fileLinter.lint(lexed, executeInTransaction, directives.destructiveAllowed(), pending);
    if (!pending) {
      return List.of();
    }
    List<LintedFinding> fileFindings = new Suppressions(fileName, version, directives, result, options).apply();
    fileFindings.sort(Comparator.comparingInt(LintedFinding::line).thenComparingInt(LintedFinding::column));
    findings.addAll(fileFindings);
    files++;
    statements += result.statementCount();
    return List.copyOf(fileFindings);
  }

  /** Everything found so far in this session. */
  public List<LintedFinding> findings() {
    return List.copyOf(findings);
  }

  /** How many migrations were reported on (those up to {@code startAfter} do not count). */
  public int files() {
    return files;
  }

  /** How many statements those migrations hold, including those inside DO blocks and routines. */
  public int statements() {
    return statements;
  }

  private boolean pending(Optional<String> version) {
    if (options.startAfter().isEmpty() || version.isEmpty()) {
      return true;
    }
    return VersionOrder.compare(version.get(), options.startAfter().get()) > 0;
  }

  /** Applies options and zdm:ignore directives to one file's raw findings, and reports bad directives. */
  private static final class Suppressions {
    private final String fileName;
    private final Optional<String> version;
    private final MigrationDirectives directives;
    private final FileResult result;
    private final SessionOptions options;
    private final Set<MigrationDirectives.Ignore> used = new HashSet<>();

    Suppressions(String fileName, Optional<String> version, MigrationDirectives directives, FileResult result,
        SessionOptions options) {
      this.fileName = fileName;
      this.version = version;
      this.directives = directives;
      this.result = result;
      this.options = options;
    }

    List<LintedFinding> apply() {
      List<RawFinding> kept = new ArrayList<>();
      for (RawFinding raw : result.findings()) {
        String rule = rule(raw);
        if (options.enabled(rule) && !suppressed(raw, rule)) {
          kept.add(raw);
        }
      }
      List<LintedFinding> out = new ArrayList<>();
      // Folded after suppression: a zdm:ignore on one UPDATE must not hide the others.
      for (RawFinding raw : FloodGroups.fold(kept)) {
        out.add(finding(rule(raw), raw.line(), raw.column(), raw.message(), raw.fix()));
      }
      for (MigrationDirectives.Problem problem : directives.problems()) {
        add(out, "invalid-directive", problem.line(), problem.column(), problem.message());
      }
      directives.contract().ifPresent(contract -> version.ifPresent(own -> {
        if (VersionOrder.compare(contract.expandVersion(), own) >= 0) {
          add(out, "invalid-directive", contract.line(), contract.column(), "zdm:contract expand="
              + contract.expandVersion() + " must name an earlier migration than this one (" + own + ")");
        }
      }));
      for (MigrationDirectives.Ignore ignore : directives.ignores()) {
        boolean relevant = ignore.rules().stream().anyMatch(options::enabled);
        if (!used.contains(ignore) && relevant) {
          add(out, "unused-suppression", ignore.line(), ignore.column(), (ignore.wholeFile()
              ? "zdm:ignore-file " : "zdm:ignore ") + String.join(",", ignore.rules()) + " matches no finding"
              + (ignore.wholeFile() ? " in this file" : " on the next statement"));
        }
      }
      return out;
    }

    private static String rule(RawFinding raw) {
      return Rules.find(raw.rule()).map(r -> r.id())
          .orElseThrow(() -> new IllegalStateException("A finding names no known rule: " + raw.rule()));
    }

    private boolean suppressed(RawFinding raw, String rule) {
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

    private void add(List<LintedFinding> out, String rule, int line, int column, String message) {
      if (options.enabled(rule)) {
        out.add(finding(rule, line, column, message, null));
      }
    }

    private LintedFinding finding(String rule, int line, int column, String message, String fix) {
      RuleInfo info = Rules.find(rule).orElseThrow().descriptor();
      return new LintedFinding(fileName, line, column, rule, options.severityOf(rule), message, info.why(),
          fix == null ? RuleHelp.help(info) : fix);
    }
  }
}
