package dev.flywayzdm.lint;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flywayzdm.lint.internal.engine.Rule;
import dev.flywayzdm.lint.internal.rules.Rules;
import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
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

  /** Every case file under {@code cases/}, by name without {@code .sql}: adding a file adds its cases. */
  static final List<String> CASE_FILES = caseFiles();

  @TestFactory
  Stream<DynamicTest> everyCaseReportsExactlyWhatItExpects() throws IOException {
    List<DynamicTest> tests = new ArrayList<>();
    for (String file : CASE_FILES) {
      for (SqlCase sqlCase : SqlCase.parse(file, read(file))) {
        tests.add(DynamicTest.dynamicTest(file + ": " + sqlCase.name(), () -> {
          Set<String> relevant = new HashSet<>(sqlCase.expectedRules());
          Rules.find(file).ifPresent(rule -> relevant.add(rule.id()));
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
    for (Rule rule : Rules.all()) {
      assertThat(CASE_FILES).as("a case file for %s", rule.id()).contains(rule.id());
      List<SqlCase> cases = SqlCase.parse(rule.id(), read(rule.id()));
      assertThat(cases).as("cases flagging %s", rule.id())
          .anyMatch(c -> c.expectedRules().contains(rule.id()));
      if (!rule.id().equals("syntax-error") && !rule.id().equals("ban-drop-database")) {
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

  @Test
  void theCaseFilesAreFoundOnTheTestClassPath() {
    assertThat(CASE_FILES).as("case files derived from the cases/ directory")
        .contains("require-concurrent-index-creation", "syntax-error", "bodies", "new-tables").hasSizeGreaterThan(40);
  }

  private static List<String> caseFiles() {
    try (Stream<Path> files = Files.list(Path.of(RuleCasesTest.class.getResource("cases").toURI()))) {
      return files.map(file -> file.getFileName().toString()).filter(name -> name.endsWith(".sql"))
          .map(name -> name.substring(0, name.length() - ".sql".length())).sorted().toList();
    } catch (IOException | URISyntaxException e) {
      throw new IllegalStateException("Cannot list the rule cases next to " + RuleCasesTest.class, e);
    }
  }

  static String read(String caseFile) throws IOException {
    try (InputStream in = RuleCasesTest.class.getResourceAsStream("cases/" + caseFile + ".sql")) {
      assertThat(in).as("cases/%s.sql on the test classpath", caseFile).isNotNull();
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }
}
