package dev.flywayzdm.callback;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.flywayzdm.config.LintMode;
import dev.flywayzdm.config.ZdmSettings;
import dev.flywayzdm.lint.LintOptions;
import dev.flywayzdm.lint.Severity;
import dev.flywayzdm.testsupport.PostgresTest;
import dev.flywayzdm.testsupport.TestDatabase;
import java.util.Map;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;

/**
 * flyway.zdm.lint inside real Flyway runs: each SQL migration is linted just before it runs. The
 * migrations alter {@code ${data}.orders}, a table that exists with rows before the run.
 */
@PostgresTest
class CallbackLintTest {

  private static final String FINDING = "V1__check_total.sql:1:28 check-constraint-missing-not-valid";

  @Test
  void warnLogsEachFindingWithItsFixAndRunsTheMigration(TestDatabase db) throws Exception {
    Flyway flyway = flyway(db, "lint_warn", "lint_unsafe", ZdmSettings.builder().lint(LintMode.WARN).build());

    try (CapturedLog log = CapturedLog.start()) {
      assertThat(flyway.migrate().migrationsExecuted).isEqualTo(1);

      assertThat(log.text()).contains("WARN").contains(FINDING)
          .contains("Fix: Add the constraint with NOT VALID");
    }
    assertThat(constraintExists(db, "lint_warn")).isTrue();
  }

  @Test
  void failRefusesAMigrationWithAnErrorFindingBeforeItsStatementRuns(TestDatabase db) throws Exception {
    Flyway flyway = flyway(db, "lint_fail", "lint_unsafe", ZdmSettings.builder().lint(LintMode.FAIL).build());

    assertThatThrownBy(flyway::migrate)
        .hasRootCauseInstanceOf(MigrationRefusedException.class)
        .hasMessageContaining("V1__check_total refused by the linter (flyway.zdm.lint=fail)")
        .hasMessageContaining(FINDING)
        .hasMessageContaining("Fix: Add the constraint with NOT VALID")
        .hasMessageContaining("-- zdm:ignore <rule-id> <reason>");

    assertThat(constraintExists(db, "lint_fail")).as("the ALTER TABLE never ran").isFalse();
  }

  @Test
  void offDoesNotLintAtAll(TestDatabase db) throws Exception {
    Flyway flyway = flyway(db, "lint_off", "lint_unsafe", ZdmSettings.builder().lint(LintMode.OFF).build());

    try (CapturedLog log = CapturedLog.start()) {
      assertThat(flyway.migrate().migrationsExecuted).isEqualTo(1);

      assertThat(log.text()).doesNotContain("flyway-zdm lint");
    }
    assertThat(constraintExists(db, "lint_off")).isTrue();
  }

  @Test
  void anIgnoreDirectiveWithAReasonLetsTheMigrationRunUnderFail(TestDatabase db) throws Exception {
    Flyway flyway = flyway(db, "lint_ignored", "lint_ignored", ZdmSettings.builder().lint(LintMode.FAIL).build());

    assertThat(flyway.migrate().migrationsExecuted).isEqualTo(1);
    assertThat(constraintExists(db, "lint_ignored")).isTrue();
  }

  @Test
  void severityOverridesAndDisabledRulesFromTheSettingsApply(TestDatabase db) throws Exception {
    LintOptions rules = LintOptions.builder().severity("check-constraint-missing-not-valid", Severity.WARNING).build();
    Flyway flyway = flyway(db, "lint_override", "lint_unsafe",
        ZdmSettings.builder().lint(LintMode.FAIL).lintOptions(rules).build());

    try (CapturedLog log = CapturedLog.start()) {
      assertThat(flyway.migrate().migrationsExecuted).as("a warning does not refuse").isEqualTo(1);

      assertThat(log.text()).contains(FINDING + " ").contains("(warning)");
    }

    Flyway disabled = flyway(db, "lint_disabled", "lint_unsafe", ZdmSettings.builder().lint(LintMode.FAIL)
        .lintOptions(LintOptions.builder().disable("check-constraint-missing-not-valid").build()).build());
    assertThat(disabled.migrate().migrationsExecuted).isEqualTo(1);
  }

  @Test
  void aTableCreatedByAnEarlierMigrationOfTheSameRunIsNotReported(TestDatabase db) throws Exception {
    Flyway flyway = TestFlyway.configure(db.dataSource(), "lint_new_table", "lint_new_table",
        ZdmSettings.builder().lint(LintMode.FAIL).build()).load();

    try (CapturedLog log = CapturedLog.start()) {
      assertThat(flyway.migrate().migrationsExecuted).isEqualTo(2);

      assertThat(log.text()).as("invoices is new and empty: its CHECK and plain index are harmless")
          .doesNotContain("check-constraint-missing-not-valid").doesNotContain("require-concurrent-index-creation");
    }
  }

  @Test
  void migrationsAppliedInAnEarlierRunAreContextNotFindings(TestDatabase db) throws Exception {
    // Given V1 applied by an earlier run (its table holds rows), and V2, V3 pending
    ZdmSettings fail = ZdmSettings.builder().lint(LintMode.FAIL).build();
    TestFlyway.configure(db.dataSource(), "lint_applied", "lint_applied", fail).target("1").load().migrate();

    try (CapturedLog log = CapturedLog.start()) {
      // When the next run lints V2 and V3
      Flyway next = TestFlyway.configure(db.dataSource(), "lint_applied", "lint_applied", fail).load();

      // Then V2 passes: V1 told the linter that body is varchar(100), and widening it to text needs no rewrite
      assertThatThrownBy(next::migrate).hasRootCauseInstanceOf(MigrationRefusedException.class)
          .as("notes comes from an applied migration, so it is an existing table, not a new and empty one")
          .hasMessageContaining("V3__index_body refused by the linter")
          .hasMessageContaining("V3__index_body.sql:2:1 require-concurrent-index-creation");
      assertThat(log.text()).contains("flyway-zdm lint: 1 applied SQL migrations read as context")
          .doesNotContain("V1__create_notes.sql:").doesNotContain("column-type-change-rewrite");
    }
    assertThat(db.queryLong("SELECT count(*) FROM information_schema.columns WHERE table_schema = 'lint_applied'"
        + " AND table_name = 'notes' AND column_name = 'body' AND data_type = 'text'")).as("V2 ran").isEqualTo(1);
  }

  /** Flyway on schema {@code schema}; {@code ${data}.orders} is an existing table with rows. */
  private static Flyway flyway(TestDatabase db, String schema, String folder, ZdmSettings settings) throws Exception {
    String data = schema + "_data";
    db.execute("CREATE SCHEMA " + data + "; CREATE TABLE " + data + ".orders (id bigint PRIMARY KEY, total numeric);"
        + " INSERT INTO " + data + ".orders SELECT g, g FROM generate_series(1, 100) g");
    return TestFlyway.configure(db.dataSource(), schema, folder, settings).placeholders(Map.of("data", data)).load();
  }

  private static boolean constraintExists(TestDatabase db, String schema) throws Exception {
    return db.queryLong("SELECT count(*) FROM pg_constraint WHERE conname = 'orders_total_positive'"
        + " AND conrelid = '" + schema + "_data.orders'::regclass") == 1;
  }
}
