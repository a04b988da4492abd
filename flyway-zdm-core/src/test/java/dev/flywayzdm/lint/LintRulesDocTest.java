package dev.flywayzdm.lint;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The rule documentation ({@code docs/rules/<id>.md} and the table in {@code docs/lint-rules.md}) is
 * generated from the rule classes and their case files by {@link RuleDocs}, so it cannot drift: this
 * test fails when a committed page is stale and says the one command that regenerates them all.
 */
class LintRulesDocTest {

  private static final boolean UPDATE = Boolean.getBoolean("zdm.updateDocs");

  @Test
  void everyRulePageIsUpToDate() throws IOException {
    Map<Path, String> pages = RuleDocs.pages();
    if (UPDATE) {
      Files.createDirectories(RuleDocs.DIRECTORY);
      for (Map.Entry<Path, String> page : pages.entrySet()) {
        Files.writeString(page.getKey(), page.getValue(), StandardCharsets.UTF_8);
      }
    }
    for (Map.Entry<Path, String> page : pages.entrySet()) {
      assertThat(page.getKey()).as("%s exists; %s", page.getKey(), RuleDocs.REGENERATE).exists();
      assertThat(Files.readString(page.getKey(), StandardCharsets.UTF_8))
          .as("%s is stale; %s", page.getKey(), RuleDocs.REGENERATE).isEqualTo(page.getValue());
    }
  }

  @Test
  void theRuleTableOfLintRulesMdIsUpToDate() throws IOException {
    assertThat(RuleDocs.INDEX).as("docs/lint-rules.md exists").exists();
    String current = Files.readString(RuleDocs.INDEX, StandardCharsets.UTF_8);
    String expected = RuleDocs.index(current);
    if (UPDATE) {
      Files.writeString(RuleDocs.INDEX, expected, StandardCharsets.UTF_8);
      current = expected;
    }
    assertThat(current).as("the rule table of docs/lint-rules.md is stale; %s", RuleDocs.REGENERATE)
        .isEqualTo(expected);
  }

  @Test
  void thePagesShowAReportedAndALookAlikeExampleFromTheCaseFiles() throws IOException {
    String page = RuleDocs.pages().get(RuleDocs.page("require-concurrent-index-creation"));
    assertThat(page).contains("## What it detects", "## Why", "## Fix", "## Reported (", "## Not reported (",
        "```sql", "CREATE INDEX", "**Severity:** error");
  }
}
