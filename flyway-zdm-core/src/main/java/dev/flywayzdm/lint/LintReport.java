package dev.flywayzdm.lint;

import dev.flywayzdm.lint.internal.JsonReport;
import dev.flywayzdm.lint.internal.SarifReport;
import java.util.ArrayList;
import java.util.List;

/**
 * The findings of a lint run, in migration order, and what was checked; rendered as text, JSON or
 * SARIF from here.
 *
 * <pre>{@code
 * LintReport report = Linter.withDefaults().lint(Path.of("src/main/resources/db/migration"));
 * Files.writeString(Path.of("target/lint.sarif"), report.toSarif()); // for GitHub code scanning
 * Files.writeString(Path.of("target/lint.json"), report.toJson());   // for scripts
 * System.out.print(report.toText());
 * }</pre>
 *
 * @param findings every finding, ordered by file (Flyway order), line and column
 * @param files how many migration files were checked
 * @param statements how many statements were checked, including those inside DO blocks and routines
 * @param pendingFiles the files linted for findings, in Flyway order
 * @param appliedFiles the files taken as already applied: read for the schema, never reported
 * @param notRunFiles files in the locations that Flyway will never run, each with the reason
 */
public record LintReport(List<Finding> findings, int files, int statements, List<String> pendingFiles,
    List<String> appliedFiles, List<String> notRunFiles) {

  /** Files named in full in {@link #scope()}; longer lists show their first and last ones. */
  private static final int LISTED = 6;

  public LintReport {
    findings = List.copyOf(findings);
    pendingFiles = List.copyOf(pendingFiles);
    appliedFiles = List.copyOf(appliedFiles);
    notRunFiles = List.copyOf(notRunFiles);
  }

  /** A report that does not say which files were pending and which applied. */
  public LintReport(List<Finding> findings, int files, int statements) {
    this(findings, files, statements, List.of(), List.of(), List.of());
  }

  /**
   * Which files were linted and which taken as applied, one line each, e.g.
   * {@code pending (2): V13__a.sql, V14__b.sql} and {@code applied, read as context (12): V1__init.sql, ...};
   * then any files Flyway never runs. Empty when nothing was recorded.
   */
  public List<String> scope() {
    List<String> lines = new ArrayList<>();
    if (!pendingFiles.isEmpty() || !appliedFiles.isEmpty()) {
      lines.add("pending, linted (" + pendingFiles.size() + "): " + listed(pendingFiles));
      lines.add("applied, read as context only (" + appliedFiles.size() + "): " + listed(appliedFiles));
    }
    if (!notRunFiles.isEmpty()) {
      lines.add("never run by Flyway, not linted (" + notRunFiles.size() + "): " + String.join("; ", notRunFiles));
    }
    return List.copyOf(lines);
  }

  private static String listed(List<String> names) {
    if (names.isEmpty()) {
      return "none";
    }
    if (names.size() <= LISTED) {
      return String.join(", ", names);
    }
    return String.join(", ", names.subList(0, 3)) + ", ... " + (names.size() - 5) + " more ..., "
        + String.join(", ", names.subList(names.size() - 2, names.size()));
  }

  /** How many findings have exactly this severity. */
  public long count(Severity severity) {
    return findings.stream().filter(f -> f.severity() == severity).count();
  }

  /** Whether any finding is an error. */
  public boolean hasErrors() {
    return count(Severity.ERROR) > 0;
  }

  /** Whether any finding is at least as severe as {@code threshold} (ERROR is the most severe). */
  public boolean hasFindingsAtLeast(Severity threshold) {
    return findings.stream().anyMatch(f -> f.severity().compareTo(threshold) <= 0);
  }

  /** One line such as {@code 3 errors, 1 warning in 5 files (41 statements)}. */
  public String summary() {
    List<String> parts = new ArrayList<>();
    long errors = count(Severity.ERROR);
    long warnings = count(Severity.WARNING);
    long advice = count(Severity.ADVICE);
    if (errors > 0) {
      parts.add(plural(errors, "error", "errors"));
    }
    if (warnings > 0) {
      parts.add(plural(warnings, "warning", "warnings"));
    }
    if (advice > 0) {
      parts.add(advice + " advice");
    }
    String found = parts.isEmpty() ? "no findings" : String.join(", ", parts);
    return found + " in " + plural(files, "file", "files") + " (" + plural(statements, "statement", "statements") + ")";
  }

  /** Every finding as {@code file:line:col rule-id message}, one per line, then the summary. */
  public String toText() {
    StringBuilder text = new StringBuilder();
    for (Finding finding : findings) {
      text.append(finding.toText()).append('\n');
    }
    text.append(summary()).append('\n');
    scope().forEach(line -> text.append(line).append('\n'));
    return text.toString();
  }

  /**
   * The report as JSON for scripts: the summary, the counts and every finding with its rule id,
   * severity, message, why, fix and {@code helpUri} (the rule's doc page).
   */
  public String toJson() {
    return JsonReport.write(summary(), files, statements, EngineFindings.toEngine(findings));
  }

  /**
   * The report as a SARIF 2.1.0 log for code-scanning services (GitHub, GitLab, Azure DevOps): every
   * rule in {@code tool.driver.rules} with its texts, {@code helpUri} and default level, every finding
   * as a result with its {@code ruleIndex} and location.
   */
  public String toSarif() {
    return SarifReport.write(EngineFindings.toEngine(findings));
  }

  private static String plural(long n, String one, String many) {
    return n + " " + (n == 1 ? one : many);
  }
}
