package dev.flywayzdm.maven;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flywayzdm.lint.Finding;
import dev.flywayzdm.lint.Severity;
import org.junit.jupiter.api.Test;

class LintConsoleTest {

  @Test
  void aFindingIsFollowedByItsFixAndItsRulePage() {
    Finding finding = new Finding("V2__idx.sql", 2, 1, "require-concurrent-index-creation", Severity.ERROR,
        "CREATE INDEX idx on customers blocks writes", "why", "Use CREATE INDEX CONCURRENTLY.");

    assertThat(LintConsole.lines(finding).split(System.lineSeparator())).containsExactly(
        "V2__idx.sql:2:1 require-concurrent-index-creation CREATE INDEX idx on customers blocks writes [error]",
        "    instead: Use CREATE INDEX CONCURRENTLY.",
        "    see: https://github.com/flyway-zdm/flyway-zdm/blob/main/docs/rules/require-concurrent-index-creation.md");
  }
}
