package dev.flywayzdm.lint;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Applied migrations are context, never findings; with nothing known each file is judged alone. */
class LintWhatIsNewTest {

  private static final MigrationSource CREATE = MigrationSource.of("V1__orders.sql",
      "CREATE TABLE orders (id bigint PRIMARY KEY, note text);\nCREATE INDEX orders_note_idx ON orders (note);");
  private static final MigrationSource INDEX = MigrationSource.of("V2__index.sql",
      "SET lock_timeout = '2s';\nCREATE INDEX orders_id_note_idx ON orders (id, note);");

  @Test
  void anAppliedMigrationReportsNothingAndItsTablesCountAsExisting() {
    LintReport report = Linter.withDefaults().lint(List.of(CREATE.asApplied(), INDEX));

    assertThat(report.findings()).extracting(Finding::toText).singleElement().asString()
        .startsWith("V2__index.sql:2:1 require-concurrent-index-creation");
    assertThat(report.pendingFiles()).containsExactly("V2__index.sql");
    assertThat(report.appliedFiles()).containsExactly("V1__orders.sql");
  }

  @Test
  void pendingTablesOfAnEarlierPendingFileAreNewAndEmpty() {
    assertThat(Linter.withDefaults().lint(List.of(CREATE, INDEX)).findings())
        .as("both pending: orders is created by this release, so it is empty").isEmpty();
  }

  @Test
  void judgedAloneATableIsNewOnlyInTheFileThatCreatesIt() {
    LintReport report = new Linter(LintOptions.builder().eachFileAlone(true).build()).lint(List.of(CREATE, INDEX));

    assertThat(report.findings()).extracting(Finding::toText).singleElement().asString()
        .as("the index in V1 is on its own new table; V2's is on a table that holds rows by then")
        .startsWith("V2__index.sql:2:1 require-concurrent-index-creation");
  }

  @Test
  void aBaselineMigrationIsContextNeverFindings() {
    MigrationSource baseline = MigrationSource.of("B1__baseline.sql", "CREATE INDEX x_idx ON customers (name);");

    LintReport report = Linter.withDefaults().lint(List.of(baseline));

    assertThat(report.findings()).isEmpty();
    assertThat(report.appliedFiles()).containsExactly("B1__baseline.sql");
  }

  @Test
  void aFileFlywayNeverRunsIsListedNotLinted() {
    LintReport report = Linter.withDefaults().lint(List.of(MigrationSource.of("V3_index.sql",
        "CREATE INDEX x_idx ON customers (name);")));

    assertThat(report.findings()).isEmpty();
    assertThat(report.scope()).containsExactly("never run by Flyway, not linted (1): V3_index.sql: its name matches"
        + " none of Flyway's patterns: V<version>__<description>.sql or R__<description>.sql (sqlMigrationPrefix 'V',"
        + " repeatableSqlMigrationPrefix 'R', sqlMigrationSeparator '__')");
  }

  @Test
  void aFloodIsOneFindingWithACountAndAnIgnoredStatementDoesNotHideTheOthers() {
    StringBuilder sql = new StringBuilder("SET lock_timeout = '2s';\nALTER TABLE orders ADD COLUMN done boolean;\n"
        + "-- zdm:ignore unbatched-backfill the first one is a single row on purpose\n");
    for (int id = 1; id <= 15; id++) {
      sql.append("UPDATE orders SET done = true WHERE id = ").append(id).append(";\n");
    }
    sql.append("UPDATE customers SET name = 'x' WHERE id = 1;\n");

    List<Finding> findings = Linter.withDefaults().lint(List.of(MigrationSource.of("V4__backfill.sql",
        sql.toString()))).findings().stream().filter(f -> f.ruleId().equals("unbatched-backfill")).toList();

    assertThat(findings).extracting(Finding::toText).containsExactly(
        "V4__backfill.sql:5:1 unbatched-backfill UPDATE of existing table orders shares its migration with DDL: the"
            + " rows and the DDL locks stay held until the whole migration commits (13 more UPDATEs of orders in this"
            + " file, up to line 18, have the same finding)",
        "V4__backfill.sql:19:1 unbatched-backfill UPDATE of existing table customers shares its migration with DDL:"
            + " the rows and the DDL locks stay held until the whole migration commits");
  }
}
