package dev.flywayzdm.lint.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flywayzdm.internal.settings.DurationText;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class MigrationDirectivesTest {

  @Test
  void readsAContractStepAndItsExpandVersion() {
    MigrationDirectives directives = MigrationDirectives.parse("-- zdm:contract expand=4_2\nDROP TABLE t;");

    assertThat(directives.contractStep()).isTrue();
    assertThat(directives.expandVersion()).contains("4.2");
    assertThat(directives.destructiveAllowed()).isTrue();
    assertThat(directives.problems()).isEmpty();
  }

  @Test
  void readsAContractStepsOwnSoak() {
    MigrationDirectives directives = MigrationDirectives.parse("-- zdm:contract soak=2h expand=5\nDROP TABLE t;");

    assertThat(directives.contract()).contains(
        new MigrationDirectives.Contract("5", Optional.of(Duration.ofHours(2)), 1, 1));
    assertThat(MigrationDirectives.parse("-- zdm:contract expand=5\n").contract().orElseThrow().soak()).isEmpty();
  }

  @Test
  void aBadSoakOrAnUnknownContractWordIsAProblemAndNoContract() {
    MigrationDirectives directives = MigrationDirectives.parse("""
        -- zdm:contract expand=5 soak=forever
        -- zdm:contract expand=5 after=2h
        -- zdm:contract expand=five
        """);

    assertThat(directives.contractStep()).isFalse();
    assertThat(directives.problems()).extracting(MigrationDirectives.Problem::directive).containsOnly("contract");
    assertThat(directives.problems()).extracting(MigrationDirectives.Problem::message).containsExactly(
        "zdm:contract soak = 'forever' is not " + DurationText.ACCEPTED,
        "zdm:contract does not know 'after=2h'; write -- zdm:contract expand=<version> [soak=<duration>]",
        "zdm:contract expand=five is not a Flyway version such as 42 or 1.2");
  }

  @Test
  void readsIgnoresWithTheirRulesReasonAndPlace() {
    MigrationDirectives directives = MigrationDirectives.parse("""
        SELECT 1;
          -- zdm:ignore require-lock-timeout,lock-table   tiny table
        /* zdm:ignore-file prefer-jsonb opaque payloads */
        """);

    assertThat(directives.ignores()).containsExactly(
        new MigrationDirectives.Ignore(List.of("require-lock-timeout", "lock-table"), "tiny table", false, 2,
            3),
        new MigrationDirectives.Ignore(List.of("prefer-jsonb"), "opaque payloads", true, 3, 1));
  }

  @Test
  void malformedDirectivesAreProblemsNotExceptions() {
    MigrationDirectives directives = MigrationDirectives.parse("""
        -- zdm:ignore prefer-jsonb
        -- zdm:ignore no-such-rule because
        -- zdm:contract
        -- zdm:allow destructive
        -- zdm:frobnicate
        """);

    assertThat(directives.problems()).extracting(MigrationDirectives.Problem::line).containsExactly(1, 2, 3, 4, 5);
    assertThat(directives.problems()).extracting(MigrationDirectives.Problem::directive)
        .containsExactly("ignore", "ignore", "contract", "allow", "frobnicate");
    assertThat(directives.problems().get(0).message()).contains("needs a reason");
    assertThat(directives.problems().get(1).message()).contains("'no-such-rule'");
    assertThat(directives.ignores()).isEmpty();
    assertThat(directives.contractStep()).isFalse();
  }

  @Test
  void directivesInsideStringsAndBodiesAreNotDirectives() {
    MigrationDirectives directives = MigrationDirectives.parse(
        "SELECT '-- zdm:contract expand=1';\nDO $$ -- zdm:allow destructive x\n BEGIN END $$;");

    assertThat(directives.contractStep()).isFalse();
    assertThat(directives.destructiveAllowed()).isFalse();
  }

  @Test
  void ordinaryCommentsAreIgnored() {
    assertThat(MigrationDirectives.parse("-- adds zdm: support\n-- zdm is great").problems()).isEmpty();
  }
}
