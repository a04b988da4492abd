package dev.flywayzdm.lint;

import static dev.flywayzdm.lint.internal.JsonText.quote;

import java.nio.charset.StandardCharsets;

/**
 * Writes a {@link LintReport} as SARIF 2.1.0, the format code-scanning services (GitHub, GitLab,
 * Azure DevOps) read. Every rule is listed in {@code tool.driver.rules}; each finding becomes a
 * result pointing at its file, line and column.
 */
public final class SarifReport {

  /** The tool name shown by code-scanning services. */
  public static final String TOOL_NAME = "flyway-zdm-lint";

  private SarifReport() {}

  /** The report as a SARIF 2.1.0 log with one run. */
  public static String write(LintReport report) {
    StringBuilder sarif = new StringBuilder();
    sarif.append("{\n  \"$schema\": \"https://json.schemastore.org/sarif-2.1.0.json\",\n")
        .append("  \"version\": \"2.1.0\",\n")
        .append("  \"runs\": [{\n")
        .append("    \"tool\": {\"driver\": {\"name\": ").append(quote(TOOL_NAME))
        .append(", \"rules\": [");
    RuleId[] rules = RuleId.values();
    for (int i = 0; i < rules.length; i++) {
      RuleId rule = rules[i];
      sarif.append(i == 0 ? "\n" : ",\n").append("      {\"id\": ").append(quote(rule.id()))
          .append(", \"shortDescription\": {\"text\": ").append(quote(rule.title())).append("}")
          .append(", \"fullDescription\": {\"text\": ").append(quote(rule.why())).append("}")
          .append(", \"help\": {\"text\": ").append(quote(rule.help())).append("}")
          .append(", \"defaultConfiguration\": {\"level\": ").append(quote(rule.defaultSeverity().sarifLevel()))
          .append("}}");
    }
    sarif.append("\n    ]}},\n    \"results\": [");
    String separator = "\n";
    for (Finding f : report.findings()) {
      sarif.append(separator)
          .append("      {\"ruleId\": ").append(quote(f.ruleId()))
          .append(", \"ruleIndex\": ").append(f.rule().ordinal())
          .append(", \"level\": ").append(quote(f.severity().sarifLevel()))
          .append(", \"message\": {\"text\": ").append(quote(f.message() + ". " + f.fix())).append("}")
          .append(", \"locations\": [{\"physicalLocation\": {\"artifactLocation\": {\"uri\": ")
          .append(quote(uri(f.file()))).append("}, \"region\": {\"startLine\": ").append(Math.max(1, f.line()))
          .append(", \"startColumn\": ").append(Math.max(1, f.column())).append("}}}]}");
      separator = ",\n";
    }
    sarif.append(report.findings().isEmpty() ? "]\n" : "\n    ]\n");
    return sarif.append("  }]\n}\n").toString();
  }

  /** A relative URI reference for a file path: forward slashes, everything unsafe percent-encoded. */
  static String uri(String path) {
    StringBuilder uri = new StringBuilder();
    for (byte b : path.replace('\\', '/').getBytes(StandardCharsets.UTF_8)) {
      int c = b & 0xff;
      boolean safe = c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9'
          || "-._~/".indexOf(c) >= 0;
      uri.append(safe ? String.valueOf((char) c) : String.format("%%%02X", c));
    }
    return uri.toString();
  }
}
