package dev.flywayzdm.lint.internal;

import static dev.flywayzdm.lint.internal.JsonText.quote;

import java.util.List;

/**
 * Writes a lint report as JSON for scripts (reached through {@code LintReport.toJson()}):
 *
 * <pre>{@code
 * {"summary": "1 error in 2 files (7 statements)", "files": 2, "statements": 7, "errors": 1, "warnings": 0,
 *  "advice": 0, "findings": [{"file": "V2__idx.sql", "line": 1, "column": 1,
 *  "rule": "require-concurrent-index-creation", "severity": "error", "message": "...", "why": "...",
 *  "fix": "...", "helpUri": "https://github.com/flyway-zdm/flyway-zdm/blob/main/docs/rules/..."}]}
 * }</pre>
 */
public final class JsonReport {

  private JsonReport() {}

  /**
   * The report as the JSON document shown above.
   *
   * @param summary the report's one-line summary
   * @param files how many migration files were checked
   * @param statements how many statements were checked
   */
  public static String write(String summary, int files, int statements, List<LintedFinding> findings) {
    StringBuilder json = new StringBuilder("{\n");
    json.append("  \"summary\": ").append(quote(summary)).append(",\n");
    json.append("  \"files\": ").append(files).append(",\n");
    json.append("  \"statements\": ").append(statements).append(",\n");
    json.append("  \"errors\": ").append(count(findings, "error")).append(",\n");
    json.append("  \"warnings\": ").append(count(findings, "warning")).append(",\n");
    json.append("  \"advice\": ").append(count(findings, "advice")).append(",\n");
    json.append("  \"findings\": [");
    String separator = "\n";
    for (LintedFinding f : findings) {
      json.append(separator).append("    {")
          .append("\"file\": ").append(quote(f.file()))
          .append(", \"line\": ").append(f.line())
          .append(", \"column\": ").append(f.column())
          .append(", \"rule\": ").append(quote(f.rule()))
          .append(", \"severity\": ").append(quote(f.severity()))
          .append(", \"message\": ").append(quote(f.message()))
          .append(", \"why\": ").append(quote(f.why()))
          .append(", \"fix\": ").append(quote(f.fix()))
          .append(", \"helpUri\": ").append(quote(f.helpUri()))
          .append("}");
      separator = ",\n";
    }
    json.append(findings.isEmpty() ? "]\n" : "\n  ]\n");
    return json.append("}\n").toString();
  }

  private static long count(List<LintedFinding> findings, String severity) {
    return findings.stream().filter(f -> f.severity().equals(severity)).count();
  }
}
