package dev.flywayzdm.lint;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.flywayzdm.lint.internal.engine.EngineOptions;
import org.junit.jupiter.api.Test;

class LintOptionsTest {

  @Test
  void theEngineDefaultsAreThoseOfTheDefaultOptions() {
    LintOptions defaults = LintOptions.defaults();
    assertThat(EngineOptions.DEFAULTS)
        .isEqualTo(new EngineOptions(defaults.targetMajor(), defaults.contractSteps()));
  }

  @Test
  void defaultsTargetTheOldestSupportedPostgresWithEveryRuleOn() {
    LintOptions options = LintOptions.defaults();

    assertThat(options.targetMajor()).isEqualTo(13);
    assertThat(options.disabledRules()).isEmpty();
    assertThat(options.contractSteps()).isTrue();
    assertThat(options.enabled(RuleId.REQUIRE_LOCK_TIMEOUT)).isTrue();
  }

  @Test
  void theCallbackSettingSilencesTheLockTimeoutRule() {
    assertThat(LintOptions.builder().callbackActive(true).build().enabled(RuleId.REQUIRE_LOCK_TIMEOUT)).isFalse();
  }

  @Test
  void shouldReadACommaSeparatedListOfDisabledRules() {
    LintOptions options = LintOptions.builder().disable(" prefer-jsonb, lock-table ,").build();

    assertThat(options.disabledRules()).containsExactlyInAnyOrder(RuleId.PREFER_JSONB, RuleId.LOCK_TABLE);
  }

  @Test
  void shouldReadSeverityOverridesAndOff() {
    LintOptions options = LintOptions.builder().severities("require-lock-timeout=error, prefer-jsonb=OFF").build();

    assertThat(options.severityOf(RuleId.REQUIRE_LOCK_TIMEOUT)).isEqualTo(Severity.ERROR);
    assertThat(options.enabled(RuleId.PREFER_JSONB)).isFalse();
    assertThat(options.severityOf(RuleId.DROP_TABLE)).isEqualTo(Severity.ERROR);
  }

  @Test
  void shouldNameTheBadRuleIdAndListTheAcceptedOnes() {
    assertThatThrownBy(() -> LintOptions.builder().disable("prefer-jsonb,require-concurrent-index"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("'require-concurrent-index'")
        .hasMessageContaining("require-concurrent-index-creation, require-concurrent-index-deletion");
  }

  @Test
  void shouldRejectAMalformedOverrideOrSeverity() {
    assertThatThrownBy(() -> LintOptions.builder().severities("prefer-jsonb"))
        .hasMessageContaining("<rule-id>=<error|warning|advice|off>");
    assertThatThrownBy(() -> LintOptions.builder().severities("prefer-jsonb=fatal"))
        .hasMessageContaining("'fatal'").hasMessageContaining("error, warning, advice, off");
  }

  @Test
  void shouldRejectImpossibleTargetMajorsAndVersions() {
    assertThatThrownBy(() -> LintOptions.builder().targetMajor(170)).hasMessageContaining("170");
    assertThatThrownBy(() -> LintOptions.builder().startAfter("v1")).hasMessageContaining("'v1'");
  }

  @Test
  void toBuilderKeepsEverySetting() {
    LintOptions options = LintOptions.builder().targetMajor(16).disable(RuleId.LOCK_TABLE)
        .severity(RuleId.PREFER_JSONB, Severity.WARNING).callbackActive(true).contractSteps(false)
        .startAfter("4_1").build();

    assertThat(options.toBuilder().build()).isEqualTo(options);
    assertThat(options.startAfter()).contains("4.1");
  }
}
