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
 */
public record LintReport(List<Finding> findings, int files, int statements) {

  public LintReport {
    findings = List.copyOf(findings);
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
    return text.append(summary()).append('\n').toString();
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
