package dev.flywayzdm.maven;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.flywayzdm.lint.LintOptions;
import dev.flywayzdm.lint.LintReport;
import dev.flywayzdm.lint.Linter;
import dev.flywayzdm.lint.MigrationSource;
import dev.flywayzdm.lint.Severity;
import java.util.List;
import org.junit.jupiter.api.Test;

class LintParametersTest {

  private static final MigrationSource PLAIN_INDEX =
      MigrationSource.of("V2__index.sql", "CREATE INDEX customers_email_idx ON customers (email);");

  @Test
  void passesTargetVersionDisabledRulesAndSeverityOverridesToTheLinter() {
    LintOptions options = LintParameters.options(16, List.of("prefer-timestamptz,require-lock-timeout"),
        List.of("require-concurrent-index-creation=warning"), false, "3");

    assertThat(options.targetMajor()).isEqualTo(16);
    assertThat(options.disabledRules()).contains("prefer-timestamptz", "require-lock-timeout");
    assertThat(options.severityOf("require-concurrent-index-creation")).isEqualTo(Severity.WARNING);
    assertThat(options.startAfter()).contains("3");
  }

  @Test
  void aSeverityOverrideDecidesWhetherTheBuildFails() {
    LintReport strict = new Linter(LintParameters.options(13, null, null, false, null)).lint(List.of(PLAIN_INDEX));
    LintReport relaxed = new Linter(LintParameters.options(13, null,
        List.of("require-concurrent-index-creation=warning"), false, null)).lint(List.of(PLAIN_INDEX));

    assertThat(FailOn.parse("error").fails(strict)).isTrue();
    assertThat(FailOn.parse("error").fails(relaxed)).isFalse();
    assertThat(FailOn.parse("warning").fails(relaxed)).isTrue();
    assertThat(FailOn.parse("none").fails(strict)).isFalse();
  }

  @Test
  void theCallbackBeingActiveSilencesRequireLockTimeout() {
    LintReport report = new Linter(LintParameters.options(13, null, null, true, null)).lint(List.of(PLAIN_INDEX));

    assertThat(report.findings()).extracting(f -> f.rule()).doesNotContain("require-lock-timeout");
  }

  @Test
  void anUnknownRuleIdIsNamedInTheError() {
    assertThatThrownBy(() -> LintParameters.options(13, List.of("no-such-rule"), null, false, null))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("no-such-rule");
  }

  @Test
  void failOnAcceptsTheSeveritiesAndNoneAndNothingElse() {
    assertThat(FailOn.parse(null).label()).isEqualTo("error");
    assertThat(FailOn.parse("Advice").label()).isEqualTo("advice");
    assertThatThrownBy(() -> FailOn.parse("fatal"))
        .hasMessage("zdm.failOn = 'fatal' is not one of error, warning, advice, none");
  }
}
