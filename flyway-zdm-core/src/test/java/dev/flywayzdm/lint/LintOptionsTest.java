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
    assertThat(options.enabled("require-lock-timeout")).isTrue();
  }

  @Test
  void theCallbackSettingSilencesTheLockTimeoutRule() {
    assertThat(LintOptions.builder().callbackActive(true).build().enabled("require-lock-timeout")).isFalse();
  }

  @Test
  void shouldReadACommaSeparatedListOfDisabledRules() {
    LintOptions options = LintOptions.builder().disable(" prefer-jsonb, lock-table ,").build();

    assertThat(options.disabledRules()).containsExactlyInAnyOrder("prefer-jsonb", "lock-table");
  }

  @Test
  void shouldReadSeverityOverridesAndOff() {
    LintOptions options = LintOptions.builder().severities("require-lock-timeout=error, prefer-jsonb=OFF").build();

    assertThat(options.severityOf("require-lock-timeout")).isEqualTo(Severity.ERROR);
    assertThat(options.enabled("prefer-jsonb")).isFalse();
    assertThat(options.severityOf("drop-table")).isEqualTo(Severity.ERROR);
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
    LintOptions options = LintOptions.builder().targetMajor(16).disable("lock-table")
        .severity("prefer-jsonb", Severity.WARNING).callbackActive(true).contractSteps(false)
        .startAfter("4_1").build();

    assertThat(options.toBuilder().build()).isEqualTo(options);
    assertThat(options.startAfter()).contains("4.1");
  }
}
