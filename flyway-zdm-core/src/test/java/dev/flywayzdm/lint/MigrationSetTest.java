package dev.flywayzdm.lint;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flywayzdm.lint.internal.rules.Rules;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Whole migration sets, as a project has them, with the exact findings expected. */
class MigrationSetTest {

  private static final List<MigrationSource> SHOP = List.of(
      MigrationSource.of("V1__create_orders.sql", """
          CREATE TABLE orders (
            id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
            customer_id bigint NOT NULL,
            status text NOT NULL DEFAULT 'open',
            created_at timestamptz NOT NULL DEFAULT now()
          );
          """),
      MigrationSource.of("V2__index_orders.sql", """
          -- orders was created by V1 in this same run: empty, so a plain index is fine
          CREATE INDEX orders_customer_idx ON orders (customer_id);
          """),
      MigrationSource.of("V3__customers.sql", """
          SET LOCAL lock_timeout = '5s';
          ALTER TABLE customers ADD COLUMN email text;
          ALTER TABLE orders ADD CONSTRAINT orders_customer_fk
            FOREIGN KEY (customer_id) REFERENCES customers (id) NOT VALID;
          """),
      MigrationSource.of("V4__index_customers.sql", """
          CREATE INDEX customers_email_idx ON customers (email);
          """),
      MigrationSource.of("V5__backfill.sql", """
          SET LOCAL lock_timeout = '5s';
          ALTER TABLE customers ADD COLUMN country text;
          UPDATE customers SET country = 'DE';
          """),
      MigrationSource.of("V6__contract.sql", """
          -- zdm:contract expand=5
          SET LOCAL lock_timeout = '5s';
          ALTER TABLE customers DROP COLUMN legacy_country;
          """));

  @Test
  void reportsExactlyTheUnsafeStatementsOfARealisticSet() {
    LintReport report = Linter.withDefaults().lint(SHOP);

    assertThat(report.findings()).extracting(Finding::toText).containsExactly(
        "V3__customers.sql:3:1 statements-after-access-exclusive This statement runs while the transaction still"
            + " holds an ACCESS EXCLUSIVE lock on customers: nobody can read or write it until the migration commits",
        "V4__index_customers.sql:1:1 require-concurrent-index-creation CREATE INDEX customers_email_idx on existing"
            + " table customers without CONCURRENTLY blocks its writes (SHARE lock) until the index is built",
        "V4__index_customers.sql:1:1 require-lock-timeout No lock_timeout is set before this statement takes SHARE"
            + " on customers: while it waits, every query on the table queues behind it",
        "V5__backfill.sql:3:1 unbatched-backfill UPDATE of every row of existing table customers in one statement"
            + " locks all of them until commit",
        "V5__backfill.sql:3:1 statements-after-access-exclusive This statement runs while the transaction still"
            + " holds an ACCESS EXCLUSIVE lock on customers: nobody can read or write it until the migration commits");
    assertThat(report.summary()).isEqualTo("1 error, 4 warnings in 6 files (11 statements)");
  }

  @Test
  void theOrderOfTheListDoesNotMatterFlywayOrderDoes() {
    List<MigrationSource> reversed = new java.util.ArrayList<>(SHOP);
    java.util.Collections.reverse(reversed);

    assertThat(Linter.withDefaults().lint(reversed)).isEqualTo(Linter.withDefaults().lint(SHOP));
  }

  @Test
  void theCallbackLintsOneMigrationAtATimeAndRemembersEarlierTables() {
    Linter.Session session = new Linter(LintOptions.builder().callbackActive(true).build()).session();

    assertThat(session.lintScript("V1__create_orders.sql", SHOP.get(0).sql())).isEmpty();
    assertThat(session.lintScript("V2__index_orders.sql", SHOP.get(1).sql())).isEmpty();
    assertThat(session.lintScript("V4__index_customers.sql", SHOP.get(3).sql()))
        .extracting(Finding::ruleId).containsExactly("require-concurrent-index-creation");
    assertThat(session.report().summary()).isEqualTo("1 error in 3 files (3 statements)");
  }

  @Test
  void aScriptLintedAloneKnowsNoEarlierTables() {
    assertThat(Linter.withDefaults().lintScript("V2__index_orders.sql", SHOP.get(1).sql()))
        .extracting(Finding::ruleId)
        .containsExactly("require-concurrent-index-creation", "require-lock-timeout");
  }

  @Test
  void findingsCarryTheirSeverityWhyAndFix() {
    Finding finding = Linter.withDefaults().lintScript("V9__x.sql", "DROP TABLE legacy;").get(0);

    assertThat(finding.rule()).isEqualTo("drop-table");
    assertThat(finding.severity()).isEqualTo(Severity.ERROR);
    assertThat(finding.why()).isEqualTo(Rules.find("drop-table").orElseThrow().descriptor().why());
    assertThat(finding.fix()).contains("zdm:contract").contains("DualWriteContractMigration");
  }

  @Test
  void severityOverridesAndDisabledRulesApply() {
    LintOptions options = LintOptions.builder().severities("drop-table=warning").disable("require-lock-timeout")
        .build();

    List<Finding> findings = new Linter(options).lintScript("V9__x.sql", "DROP TABLE legacy;");

    assertThat(findings).extracting(Finding::ruleId, Finding::severity)
        .containsExactly(org.assertj.core.groups.Tuple.tuple("drop-table", Severity.WARNING));
  }

  @Test
  void lintsADirectoryHonouringScriptConfigFiles(@TempDir Path dir) throws IOException {
    Files.createDirectories(dir.resolve("db/migration"));
    Files.writeString(dir.resolve("db/migration/V1__reindex.sql"), "REINDEX INDEX CONCURRENTLY orders_pkey;\n");
    Files.writeString(dir.resolve("db/migration/V2__reindex.sql"), "REINDEX INDEX CONCURRENTLY orders_pkey;\n");
    Files.writeString(dir.resolve("db/migration/V2__reindex.sql.conf"), "executeInTransaction=false\n");
    Files.writeString(dir.resolve("db/migration/README.md"), "not a migration");

    LintReport report = Linter.withDefaults().lint(dir);

    assertThat(report.findings()).extracting(Finding::toText).containsExactly(
        "db/migration/V1__reindex.sql:1:1 concurrently-in-transaction REINDEX CONCURRENTLY runs in a transaction:"
            + " Flyway does not know this statement must run outside one and wraps the file (add a .sql.conf with"
            + " executeInTransaction=false): PostgreSQL rejects it");
    assertThat(report.files()).isEqualTo(2);
  }

  @Test
  void theJavadocExampleOfLinterHoldsTrue() {
    Linter linter = new Linter(LintOptions.builder().targetMajor(16).build());
    LintReport report = linter.lint(List.of(
        MigrationSource.of("V1__orders.sql", "CREATE TABLE orders (id bigint PRIMARY KEY, note text);"),
        MigrationSource.of("V2__index.sql", "CREATE INDEX orders_note_idx ON orders (note);"),
        MigrationSource.of("V3__customers_index.sql", "CREATE INDEX customers_name_idx ON customers (name);")));

    assertThat(report.findings().get(0).toText()).startsWith(
        "V3__customers_index.sql:1:1 require-concurrent-index-creation CREATE INDEX customers_name_idx on ");
    assertThat(report.summary()).isEqualTo("1 error, 1 warning in 3 files (3 statements)");
  }

  @Test
  void anEmptyRunSaysSo() {
    assertThat(Linter.withDefaults().lint(List.of()).summary()).isEqualTo("no findings in 0 files (0 statements)");
  }
}
