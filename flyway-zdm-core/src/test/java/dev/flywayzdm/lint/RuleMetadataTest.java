package dev.flywayzdm.lint;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flywayzdm.lint.internal.engine.Rule;
import dev.flywayzdm.lint.internal.engine.RuleInfo;
import dev.flywayzdm.lint.internal.rules.RuleHelp;
import dev.flywayzdm.lint.internal.rules.Rules;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Rule metadata is public API and what users read: every rule class must carry a complete, consistent
 * descriptor, a case file that specifies it and a doc page. A rule is one file: this is the check that
 * the one file is enough.
 */
class RuleMetadataTest {

  private static final Set<String> MIGRATION_CLASSES = Set.of("BatchedBackfillMigration", "ConcurrentIndexMigration",
      "ValidatedConstraintMigration", "DualWriteExpandMigration", "DualWriteContractMigration");

  static Stream<Rule> rules() {
    return Rules.all().stream();
  }

  @ParameterizedTest
  @MethodSource("rules")
  void everyRuleHasAKebabCaseIdAndCompleteTexts(Rule rule) {
    RuleInfo info = rule.descriptor();
    assertThat(info.id()).matches("[a-z][a-z0-9]*(-[a-z0-9]+)*");
    assertThat(info.title()).as("title of %s", info.id()).isNotBlank().doesNotEndWith(".");
    assertThat(info.why()).as("why of %s", info.id()).isNotBlank().endsWith(".");
    assertThat(info.fix()).as("fix of %s", info.id()).isNotBlank().endsWith(".");
    assertThat(Severity.parse(info.severity())).as("severity of %s", info.id()).isNotNull();
    assertThat(info.rank()).as("rank of %s", info.id()).isNotNegative();
    if (!info.baseClass().isEmpty()) {
      assertThat(MIGRATION_CLASSES).as("base class of %s", info.id()).contains(info.baseClass());
    }
  }

  @ParameterizedTest
  @MethodSource("rules")
  void everyRuleHasACaseFileAndADocPage(Rule rule) {
    assertThat(RuleCasesTest.class.getResource("cases/" + rule.id() + ".sql"))
        .as("src/test/resources/dev/flywayzdm/lint/cases/%s.sql specifies %s", rule.id(), rule.getClass().getName())
        .isNotNull();
    assertThat(Files.isRegularFile(RuleDocs.page(rule.id())))
        .as("docs/rules/%s.md exists; %s", rule.id(), RuleDocs.REGENERATE).isTrue();
    assertThat(RuleHelp.helpUri(rule.id()))
        .isEqualTo("https://github.com/flyway-zdm/flyway-zdm/blob/main/docs/rules/" + rule.id() + ".md");
  }

  @Test
  void ruleIdsAreUnique() {
    Set<String> ids = new HashSet<>();
    for (Rule rule : Rules.all()) {
      assertThat(ids.add(rule.id())).as("%s declared by more than one rule class", rule.id()).isTrue();
    }
  }

  @Test
  void everyRuleIsOneClassAndTheEngineReportedOnesHaveOneToo() {
    List<String> ids = Rules.all().stream().map(Rule::id).toList();
    assertThat(ids).contains("syntax-error", "mixed-transaction-modes", "invalid-directive", "unused-suppression");
    assertThat(Rules.all()).allSatisfy(rule -> assertThat(rule.getClass().getPackageName())
        .isEqualTo("dev.flywayzdm.lint.internal.rules"));
  }

  @Test
  void everyCaseFileNamedLikeARuleBelongsToARule() throws Exception {
    Set<String> notRules = Set.of("bodies", "new-tables");
    for (String file : RuleCasesTest.CASE_FILES) {
      if (!notRules.contains(file)) {
        assertThat(Rules.find(file)).as("cases/%s.sql names no rule class", file).isPresent();
      }
    }
    try (Stream<Path> pages = Files.list(RuleDocs.DIRECTORY)) {
      assertThat(pages.map(p -> p.getFileName().toString().replaceFirst("\\.md$", "")))
          .as("docs/rules holds a page only for an existing rule; %s", RuleDocs.REGENERATE)
          .allMatch(id -> Rules.find(id).isPresent());
    }
  }

  @Test
  void everyRuleClassIsRegisteredSoNoneIsSilentlyLeftOut() throws Exception {
    // A rule class without @AutoService(Rule.class) would compile and never run: find them all on disk.
    Path rulesPackage = Path.of(Rules.class.getResource("").toURI());
    Set<Class<?>> registered = new HashSet<>();
    Rules.all().forEach(rule -> registered.add(rule.getClass()));
    try (Stream<Path> files = Files.list(rulesPackage)) {
      for (Path file : (Iterable<Path>) files::iterator) {
        String name = file.getFileName().toString();
        if (!name.endsWith(".class") || name.contains("$")) {
          continue;
        }
        Class<?> type = Class.forName(Rules.class.getPackageName() + "." + name.replace(".class", ""));
        if (Rule.class.isAssignableFrom(type) && !Modifier.isAbstract(type.getModifiers())) {
          assertThat(registered).as("%s is registered with @AutoService(Rule.class)", type.getName()).contains(type);
          assertThat(type.getAnnotation(RuleInfo.class)).as("%s has a @RuleInfo descriptor", type.getName())
              .isNotNull();
        }
      }
    }
  }

  @Test
  void rulesAreFoundByIdIgnoringCase() {
    assertThat(Rules.find("Require-Lock-Timeout")).map(Rule::id).contains("require-lock-timeout");
    assertThat(Rules.find("no-such-rule")).isEmpty();
  }

  @Test
  void helpNamesTheFlywayZdmBaseClass() {
    assertThat(RuleHelp.help(Rules.find("require-concurrent-index-creation").orElseThrow().descriptor()))
        .endsWith("flyway-zdm: extend dev.flywayzdm.migration.ConcurrentIndexMigration.");
  }
}
