package dev.flywayzdm.lint;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * The rule specifications in {@code src/test/resources/dev/flywayzdm/lint/cases/<rule-id>.sql}.
 *
 * <p>Each file holds cases headed {@code -- case: <what it shows>}. A case is linted on its own; a
 * {@code -- expect: <rule-id>[, <rule-id>]} marker says that finding is reported on that line (or, on
 * a line of its own, on the next SQL line). The findings of the file's own rule and of every expected
 * rule must be exactly the expected ones: a case without markers is a look-alike the rule must leave
 * alone. Optional lines inside a case: {@code -- options: pg=11 callback=on|off in-transaction=true|false
 * start-after=1 contract-steps=off} and {@code -- file: V2__name.sql} to split it into several migrations.
 */
class RuleCasesTest {

  static final List<String> CASE_FILES = List.of(
      "require-concurrent-index-creation", "require-concurrent-index-deletion", "require-concurrent-reindex",
      "concurrently-in-transaction", "mixed-transaction-modes", "foreign-key-missing-not-valid",
      "check-constraint-missing-not-valid", "validate-in-same-transaction", "set-not-null-without-check",
      "volatile-column-default", "not-null-column-without-default", "column-type-change-rewrite",
      "unique-constraint-without-index", "exclusion-constraint", "rename-column", "rename-table", "drop-column",
      "drop-table", "truncate-table", "ban-drop-database", "add-auto-increment-column",
      "add-stored-generated-column", "vacuum-full-or-cluster", "require-concurrent-partition-detach",
      "enum-value-in-transaction", "unbatched-backfill", "statements-after-access-exclusive",
      "require-lock-timeout", "identifier-too-long", "set-logged-unlogged", "lock-table", "transaction-nesting",
      "prefer-robust-statements", "prefer-jsonb", "prefer-text-over-char", "prefer-timestamptz",
      "prefer-bigint-primary-key", "syntax-error", "invalid-directive", "unused-suppression", "bodies",
      "new-tables");

  @TestFactory
  Stream<DynamicTest> everyCaseReportsExactlyWhatItExpects() throws IOException {
    List<DynamicTest> tests = new ArrayList<>();
    for (String file : CASE_FILES) {
      for (SqlCase sqlCase : SqlCase.parse(file, read(file))) {
        tests.add(DynamicTest.dynamicTest(file + ": " + sqlCase.name(), () -> {
          Set<String> relevant = new HashSet<>(sqlCase.expectedRules());
          RuleId.fromId(file).ifPresent(rule -> relevant.add(rule.id()));
          LintReport report = new Linter(sqlCase.options()).lint(sqlCase.sources());
          List<String> actual = report.findings().stream()
              .filter(f -> relevant.contains(f.ruleId()))
              .map(f -> f.file() + ":" + f.line() + " " + f.ruleId())
              .sorted().toList();
          assertThat(actual)
              .as("findings of %s for case '%s'; all findings:%n%s", relevant, sqlCase.name(), report.toText())
              .isEqualTo(sqlCase.expected().stream().sorted().toList());
        }));
      }
    }
    return tests.stream();
  }

  @Test
  void everyRuleHasAtLeastOneFlaggedAndOneUnflaggedCase() throws IOException {
    for (RuleId rule : RuleId.values()) {
      assertThat(CASE_FILES).as("a case file for %s", rule.id()).contains(rule.id());
      List<SqlCase> cases = SqlCase.parse(rule.id(), read(rule.id()));
      assertThat(cases).as("cases flagging %s", rule.id())
          .anyMatch(c -> c.expectedRules().contains(rule.id()));
      if (rule != RuleId.SYNTAX_ERROR && rule != RuleId.BAN_DROP_DATABASE) {
        assertThat(cases).as("look-alikes %s must leave alone", rule.id())
            .anyMatch(c -> !c.expectedRules().contains(rule.id()));
      }
    }
  }

  @Test
  void theSpecificationHasAtLeast150Cases() throws IOException {
    int cases = 0;
    for (String file : CASE_FILES) {
      cases += SqlCase.parse(file, read(file)).size();
    }
    assertThat(cases).isGreaterThanOrEqualTo(150);
  }

  static String read(String caseFile) throws IOException {
    try (InputStream in = RuleCasesTest.class.getResourceAsStream("cases/" + caseFile + ".sql")) {
      assertThat(in).as("cases/%s.sql on the test classpath", caseFile).isNotNull();
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }
}
