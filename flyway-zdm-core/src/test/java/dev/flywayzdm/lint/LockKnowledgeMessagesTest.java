package dev.flywayzdm.lint;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * What the lock-knowledge findings of issue 16 say, beyond which rule fires (the case files check that):
 * a person acts on the message, so it must name the object whose lock hurts and the statement meant.
 */
class LockKnowledgeMessagesTest {

  private static final String DROP_INDEX = "require-concurrent-index-deletion";
  private static final Linter LINTER = new Linter(LintOptions.builder().callbackActive(true).build());

  @Test
  void dropIndexNamesTheTableWhoseLockIsTakenWhenAnEarlierMigrationShowsIt() {
    MigrationSource created = MigrationSource.of("V1__invoices.sql",
        "CREATE TABLE invoices (id bigint, due date);\nCREATE INDEX invoices_due_idx ON invoices (due);").asApplied();
    MigrationSource drop = MigrationSource.of("V2__drop.sql", "DROP INDEX invoices_due_idx;");

    assertThat(LINTER.lint(List.of(created, drop)).findings()).filteredOn(f -> f.ruleId().equals(DROP_INDEX))
        .extracting(Finding::toText).singleElement()
        .asString().as("the ACCESS EXCLUSIVE lock is on invoices, so the message says invoices")
        .contains("DROP INDEX invoices_due_idx").contains("ACCESS EXCLUSIVE lock on table invoices");
  }

  @Test
  void dropIndexOfAnUnseenIndexSaysTheTableIsUnknownRatherThanNamingTheIndexAsLocked() {
    List<Finding> findings = LINTER.lint(List.of(MigrationSource.of("V2__drop.sql", "DROP INDEX legacy_idx;")))
        .findings();

    assertThat(findings).filteredOn(f -> f.ruleId().equals(DROP_INDEX)).extracting(Finding::toText).singleElement()
        .asString()
        .contains("lock on the table it indexes (not created in the migrations read)");
  }

  @Test
  void detachFinalizeGetsNoConcurrentlyAdviceThatPostgresWouldReject() {
    MigrationSource finalize = MigrationSource.of("V3__finalize.sql",
        "ALTER TABLE measurements DETACH PARTITION measurements_2020 FINALIZE;");

    assertThat(new Linter(LintOptions.builder().targetMajor(17).callbackActive(false).build())
        .lint(List.of(finalize)).findings())
        .as("FINALIZE takes SHARE UPDATE EXCLUSIVE: no detach finding and no lock_timeout warning either")
        .isEmpty();
  }

  @Test
  void dynamicSqlAdviceQuotesTheStatementItCannotCheck() {
    MigrationSource dynamic = MigrationSource.of("V4__dynamic.sql",
        "DO $$\nBEGIN\n  EXECUTE format('CREATE INDEX %I ON orders (id)', 'orders_id_idx');\nEND\n$$;");

    assertThat(LINTER.lint(List.of(dynamic)).findings()).extracting(Finding::toText).singleElement().asString()
        .startsWith("V4__dynamic.sql:").contains("dynamic-sql-unchecked EXECUTE format")
        .contains("in a DO block").contains("cannot check it");
  }
}
