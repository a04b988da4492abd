package dev.flywayzdm.lint;

import static dev.flywayzdm.lint.internal.JsonText.quote;

/**
 * Writes a {@link LintReport} as JSON for scripts:
 *
 * <pre>{@code
 * {"summary": "1 error in 2 files (7 statements)", "files": 2, "statements": 7, "errors": 1, "warnings": 0,
 *  "advice": 0, "findings": [{"file": "V2__idx.sql", "line": 1, "column": 1,
 *  "rule": "require-concurrent-index-creation", "severity": "error", "message": "...", "why": "...",
 *  "fix": "..."}]}
 * }</pre>
 */
public final class JsonReport {

  private JsonReport() {}

  /** The report as the JSON document shown above. */
  public static String write(LintReport report) {
    StringBuilder json = new StringBuilder("{\n");
    json.append("  \"summary\": ").append(quote(report.summary())).append(",\n");
    json.append("  \"files\": ").append(report.files()).append(",\n");
    json.append("  \"statements\": ").append(report.statements()).append(",\n");
    json.append("  \"errors\": ").append(report.count(Severity.ERROR)).append(",\n");
    json.append("  \"warnings\": ").append(report.count(Severity.WARNING)).append(",\n");
    json.append("  \"advice\": ").append(report.count(Severity.ADVICE)).append(",\n");
    json.append("  \"findings\": [");
    String separator = "\n";
    for (Finding f : report.findings()) {
      json.append(separator).append("    {")
          .append("\"file\": ").append(quote(f.file()))
          .append(", \"line\": ").append(f.line())
          .append(", \"column\": ").append(f.column())
          .append(", \"rule\": ").append(quote(f.ruleId()))
          .append(", \"severity\": ").append(quote(f.severity().label()))
          .append(", \"message\": ").append(quote(f.message()))
          .append(", \"why\": ").append(quote(f.why()))
          .append(", \"fix\": ").append(quote(f.fix()))
          .append("}");
      separator = ",\n";
    }
    json.append(report.findings().isEmpty() ? "]\n" : "\n  ]\n");
    return json.append("}\n").toString();
  }
}
