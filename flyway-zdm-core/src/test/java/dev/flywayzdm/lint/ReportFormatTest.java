package dev.flywayzdm.lint;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.flywayzdm.lint.internal.rules.Rules;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ReportFormatTest {

  private static final String DOCS = "https://github.com/flyway-zdm/flyway-zdm/blob/main/docs/rules/";

  private static final LintReport REPORT = new LintReport(List.of(
      new Finding("db/V2 \"quoted\".sql", 3, 5, "rename-column", Severity.ERROR,
          "Renaming \"note\"\nto \\comment\t\u0001", "why", "fix"),
      new Finding("V3__x.sql", 1, 1, "prefer-jsonb", Severity.ADVICE, "json", "why", "fix")), 2, 9);

  @Test
  void summaryCountsBySeverity() {
    assertThat(REPORT.summary()).isEqualTo("1 error, 1 advice in 2 files (9 statements)");
    assertThat(REPORT.hasErrors()).isTrue();
    assertThat(REPORT.hasFindingsAtLeast(Severity.WARNING)).isTrue();
  }

  @Test
  void textFormatIsOneFindingPerLineThenTheSummary() {
    assertThat(new LintReport(List.of(REPORT.findings().get(1)), 1, 1).toText())
        .isEqualTo("V3__x.sql:1:1 prefer-jsonb json\n1 advice in 1 file (1 statement)\n");
  }

  @Test
  void jsonEscapesQuotesBackslashesAndControlCharacters() {
    String json = REPORT.toJson();

    assertThat(json).contains("\"file\": \"db/V2 \\\"quoted\\\".sql\"")
        .contains("\"message\": \"Renaming \\\"note\\\"\\nto \\\\comment\\t\\u0001\"")
        .contains("\"rule\": \"rename-column\"", "\"severity\": \"error\"", "\"line\": 3", "\"column\": 5");
    Object parsed = MiniJson.parse(json);
    assertThat(parsed).isInstanceOf(Map.class);
    @SuppressWarnings("unchecked")
    List<Map<String, Object>> findings = (List<Map<String, Object>>) ((Map<String, Object>) parsed).get("findings");
    assertThat(findings.get(0).get("message")).isEqualTo("Renaming \"note\"\nto \\comment\t\u0001");
    assertThat(((Map<?, ?>) parsed).get("summary")).isEqualTo(REPORT.summary());
    assertThat(findings.get(1).get("helpUri")).isEqualTo(DOCS + "prefer-jsonb.md");
  }

  @Test
  @SuppressWarnings("unchecked")
  void sarifHasTheStructureCodeScanningReads() {
    Map<String, Object> sarif = (Map<String, Object>) MiniJson.parse(REPORT.toSarif());

    assertThat(sarif.get("version")).isEqualTo("2.1.0");
    Map<String, Object> run = ((List<Map<String, Object>>) sarif.get("runs")).get(0);
    Map<String, Object> driver = (Map<String, Object>) ((Map<String, Object>) run.get("tool")).get("driver");
    assertThat(driver.get("name")).isEqualTo("flyway-zdm-lint");
    List<Map<String, Object>> rules = (List<Map<String, Object>>) driver.get("rules");
    assertThat(rules).hasSize(Rules.all().size());
    for (Map<String, Object> rule : rules) {
      assertThat(rule).containsKeys("id", "name", "shortDescription", "fullDescription", "help", "helpUri",
          "defaultConfiguration");
      assertThat(rule.get("helpUri")).isEqualTo(DOCS + rule.get("id") + ".md");
    }
    Map<String, Object> renameColumn = rules.stream().filter(r -> r.get("id").equals("rename-column")).findFirst()
        .orElseThrow();
    assertThat(renameColumn.get("name")).isEqualTo("RenameColumn");
    assertThat((Map<String, Object>) renameColumn.get("defaultConfiguration")).containsEntry("level", "error");
    assertThat((Map<String, Object>) renameColumn.get("shortDescription"))
        .containsEntry("text", "Renaming a column breaks the application version that is still running");
    assertThat(rules.stream().filter(r -> r.get("id").equals("prefer-jsonb")).findFirst().orElseThrow()
        .get("defaultConfiguration")).isEqualTo(Map.of("level", "note"));

    List<Map<String, Object>> results = (List<Map<String, Object>>) run.get("results");
    Map<String, Object> first = results.get(0);
    assertThat(first.get("ruleId")).isEqualTo("rename-column");
    assertThat(first.get("level")).isEqualTo("error");
    assertThat(rules.get(((Number) first.get("ruleIndex")).intValue()).get("id")).isEqualTo("rename-column");
    Map<String, Object> location = (Map<String, Object>) ((List<Map<String, Object>>) first.get("locations")).get(0)
        .get("physicalLocation");
    assertThat(((Map<String, Object>) location.get("artifactLocation")).get("uri"))
        .isEqualTo("db/V2%20%22quoted%22.sql");
    assertThat(((Map<String, Object>) location.get("region"))).containsEntry("startLine", 3L)
        .containsEntry("startColumn", 5L);
    assertThat((Map<String, Object>) first.get("properties")).containsEntry("helpUri", DOCS + "rename-column.md");
    assertThat(results.get(1).get("level")).isEqualTo("note");
    assertThat(rules.get(((Number) results.get(1).get("ruleIndex")).intValue()).get("id")).isEqualTo("prefer-jsonb");
  }

  @Test
  void aFindingLinksItsRulePageAndKnowsOnlyRealRules() {
    assertThat(REPORT.findings().get(0).helpUri()).isEqualTo(DOCS + "rename-column.md");
    assertThatThrownBy(() -> new Finding("V1__x.sql", 1, 1, "no-such-rule", Severity.ERROR, "m", "w", "f"))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'no-such-rule'")
        .hasMessageContaining("rename-column");
  }

  @Test
  void emptyReportsAreValidJson() {
    LintReport empty = new LintReport(List.of(), 0, 0);

    assertThat(MiniJson.parse(empty.toJson())).isInstanceOf(Map.class);
    assertThat(MiniJson.parse(empty.toSarif())).isInstanceOf(Map.class);
  }
}
