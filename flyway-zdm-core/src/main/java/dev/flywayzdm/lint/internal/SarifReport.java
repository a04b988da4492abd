package dev.flywayzdm.lint.internal;

import static dev.flywayzdm.lint.internal.JsonText.quote;

import dev.flywayzdm.lint.internal.engine.Rule;
import dev.flywayzdm.lint.internal.engine.RuleInfo;
import dev.flywayzdm.lint.internal.rules.RuleHelp;
import dev.flywayzdm.lint.internal.rules.Rules;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Writes a lint report as SARIF 2.1.0 (reached through {@code LintReport.toSarif()}), the format
 * code-scanning services (GitHub, GitLab, Azure DevOps) read. Every rule is listed in
 * {@code tool.driver.rules} with its texts, doc page and default level; each finding becomes a result
 * pointing at its file, line and column, at its rule ({@code ruleIndex}) and at the rule's doc page.
 */
public final class SarifReport {

  /** The tool name shown by code-scanning services. */
  public static final String TOOL_NAME = "flyway-zdm-lint";

  private static final String INFORMATION_URI = "https://github.com/flyway-zdm/flyway-zdm";

  private SarifReport() {}

  /** The SARIF {@code level} of a severity label: advice is SARIF's {@code note}. */
  public static String level(String severity) {
    return severity.equals("advice") ? "note" : severity;
  }

  /** The findings as a SARIF 2.1.0 log with one run. */
  public static String write(List<LintedFinding> findings) {
    List<Rule> rules = Rules.all();
    StringBuilder sarif = new StringBuilder();
    sarif.append("{\n  \"$schema\": \"https://json.schemastore.org/sarif-2.1.0.json\",\n")
        .append("  \"version\": \"2.1.0\",\n")
        .append("  \"runs\": [{\n")
        .append("    \"tool\": {\"driver\": {\"name\": ").append(quote(TOOL_NAME))
        .append(", \"informationUri\": ").append(quote(INFORMATION_URI))
        .append(", \"rules\": [");
    for (int i = 0; i < rules.size(); i++) {
      RuleInfo rule = rules.get(i).descriptor();
      String help = RuleHelp.help(rule);
      String uri = RuleHelp.helpUri(rule.id());
      sarif.append(i == 0 ? "\n" : ",\n").append("      {\"id\": ").append(quote(rule.id()))
          .append(", \"name\": ").append(quote(pascalCase(rule.id())))
          .append(", \"shortDescription\": {\"text\": ").append(quote(rule.title())).append("}")
          .append(", \"fullDescription\": {\"text\": ").append(quote(rule.why())).append("}")
          .append(", \"help\": {\"text\": ").append(quote(help + " See " + uri))
          .append(", \"markdown\": ").append(quote(help + " [Rule " + rule.id() + "](" + uri + ")")).append("}")
          .append(", \"helpUri\": ").append(quote(uri))
          .append(", \"defaultConfiguration\": {\"level\": ").append(quote(level(rule.severity())))
          .append("}}");
    }
    sarif.append("\n    ]}},\n    \"results\": [");
    String separator = "\n";
    for (LintedFinding f : findings) {
      sarif.append(separator)
          .append("      {\"ruleId\": ").append(quote(f.rule()))
          .append(", \"ruleIndex\": ").append(indexOf(rules, f.rule()))
          .append(", \"level\": ").append(quote(level(f.severity())))
          .append(", \"message\": {\"text\": ").append(quote(f.message() + ". " + f.fix())).append("}")
          .append(", \"locations\": [{\"physicalLocation\": {\"artifactLocation\": {\"uri\": ")
          .append(quote(uri(f.file()))).append("}, \"region\": {\"startLine\": ").append(Math.max(1, f.line()))
          .append(", \"startColumn\": ").append(Math.max(1, f.column())).append("}}}]")
          .append(", \"properties\": {\"helpUri\": ").append(quote(f.helpUri())).append("}}");
      separator = ",\n";
    }
    sarif.append(findings.isEmpty() ? "]\n" : "\n    ]\n");
    return sarif.append("  }]\n}\n").toString();
  }

  private static int indexOf(List<Rule> rules, String id) {
    for (int i = 0; i < rules.size(); i++) {
      if (rules.get(i).id().equals(id)) {
        return i;
      }
    }
    throw new IllegalStateException("A finding names no known rule: " + id);
  }

  /** SARIF's {@code name}: an identifier-like form of the id, {@code drop-table} is {@code DropTable}. */
  static String pascalCase(String id) {
    StringBuilder name = new StringBuilder();
    for (String part : id.split("-")) {
      name.append(Character.toUpperCase(part.charAt(0))).append(part.substring(1));
    }
    return name.toString();
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
