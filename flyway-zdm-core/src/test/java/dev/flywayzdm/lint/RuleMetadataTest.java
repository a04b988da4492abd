package dev.flywayzdm.lint;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flywayzdm.lint.internal.engine.Rule;
import dev.flywayzdm.lint.internal.rules.Rules;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Rule metadata is public API and what users read: every rule must be complete and consistent. */
class RuleMetadataTest {

  private static final Set<String> MIGRATION_CLASSES = Set.of("BatchedBackfillMigration", "ConcurrentIndexMigration",
      "ValidatedConstraintMigration", "DualWriteExpandMigration", "DualWriteContractMigration");

  @ParameterizedTest
  @EnumSource(RuleId.class)
  void everyRuleHasAKebabCaseIdAndCompleteTexts(RuleId rule) {
    assertThat(rule.id()).matches("[a-z][a-z0-9]*(-[a-z0-9]+)*");
    assertThat(rule.title()).as("title of %s", rule.id()).isNotBlank().doesNotEndWith(".");
    assertThat(rule.why()).as("why of %s", rule.id()).isNotBlank().endsWith(".");
    assertThat(rule.fix()).as("fix of %s", rule.id()).isNotBlank().endsWith(".");
    assertThat(rule.docs()).isEqualTo("docs/lint-rules.md#" + rule.id());
    assertThat(rule.defaultSeverity()).isNotNull();
    rule.migrationClass().ifPresent(name -> assertThat(MIGRATION_CLASSES).contains(name));
  }

  @Test
  void ruleIdsAreUnique() {
    Set<String> ids = Arrays.stream(RuleId.values()).map(RuleId::id).collect(Collectors.toSet());
    assertThat(ids).hasSize(RuleId.values().length);
  }

  @Test
  void everyStatementRuleIsRegisteredOnce() {
    Set<RuleId> registered = EnumSet.noneOf(RuleId.class);
    for (Rule rule : Rules.all()) {
      assertThat(registered.add(RuleId.fromId(rule.id()).orElseThrow())).as("%s registered twice", rule.id())
          .isTrue();
    }
    // Engine-reported rules (syntax-error, mixed-transaction-modes, invalid-directive, unused-suppression)
    // now have a descriptor-only rule file too, so every id has exactly one rule class.
    assertThat(registered).isEqualTo(EnumSet.allOf(RuleId.class));
  }

  @Test
  void rulesAreFoundByIdIgnoringCase() {
    assertThat(RuleId.fromId("Require-Lock-Timeout")).contains(RuleId.REQUIRE_LOCK_TIMEOUT);
    assertThat(RuleId.fromId("no-such-rule")).isEmpty();
  }

  @Test
  void helpNamesTheFlywayZdmBaseClass() {
    assertThat(RuleId.REQUIRE_CONCURRENT_INDEX_CREATION.help())
        .endsWith("flyway-zdm: extend dev.flywayzdm.migration.ConcurrentIndexMigration.");
  }
}
