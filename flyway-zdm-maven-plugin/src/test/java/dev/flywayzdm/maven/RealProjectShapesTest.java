package dev.flywayzdm.maven;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flywayzdm.lint.LintOptions;
import dev.flywayzdm.lint.LintReport;
import dev.flywayzdm.lint.Linter;
import dev.flywayzdm.lint.internal.naming.MigrationNaming;
import dev.flywayzdm.lint.internal.naming.Placeholders;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * zdm:lint's input side on a folder shaped like a real long-lived project: timestamps as versions
 * (empty sqlMigrationPrefix), a repeatable view, placeholders for the schema, a file named for the
 * default prefix that Flyway never runs, and a backfill of 2,000 UPDATEs in a file with DDL.
 */
class RealProjectShapesTest {

  private static final int UPDATES = 2_000;
  private static final String DIR = "src/main/resources/db/migration/";
  private static final FlywayNaming NAMING = new FlywayNaming(
      new MigrationNaming("", "R", "B", "__", List.of(".sql")),
      new Placeholders(Map.of("app_schema", "app"), "${", "}", true));

  /** Judged alone the first file is pending too, so its varchar(200) gets the advice. */
  private static final String VARCHAR_FINDING = """
      %1$s20230101090000__create_orders.sql:6:3 prefer-text-over-varchar Column note is varchar(200); use text \
      (with a CHECK on char_length when the limit matters)
      """.formatted(DIR);

  /** orders was created in an earlier file: judged alone, the plain index blocks its writes. */
  private static final String INDEX_FINDINGS = """
      %1$s20230601100000__index_orders_status.sql:2:1 require-concurrent-index-creation CREATE INDEX \
      orders_status_idx on existing table orders without CONCURRENTLY blocks its writes (SHARE lock) until the \
      index is built
      %1$s20230601100000__index_orders_status.sql:2:1 require-lock-timeout No lock_timeout is set before this \
      statement takes SHARE on orders: while it waits, every query on the table queues behind it
      """.formatted(DIR);

  /** 2,000 UPDATEs of orders after DDL on it: one finding with the count, not 2,000. */
  private static final String FLOOD_FINDINGS = """
      %1$s20240301080000__backfill_archived.sql:3:1 unbatched-backfill UPDATE of existing table orders shares its \
      migration with DDL: the rows and the DDL locks stay held until the whole migration commits (1999 more \
      UPDATEs of orders in this file, up to line 2002, have the same finding)
      %1$s20240301080000__backfill_archived.sql:3:1 statements-after-access-exclusive This statement runs while the \
      transaction still holds an ACCESS EXCLUSIVE lock on orders: nobody can read or write it until the migration \
      commits
      %1$s20240301080000__backfill_archived.sql:3:1 require-statement-timeout No statement_timeout is set before \
      this UPDATE of orders: nothing ends it if it runs far longer than expected
      """.formatted(DIR);

  private static final String NEVER_RUN = """
      never run by Flyway, not linted (1): %sV2__legacy_named.sql: its name matches none of Flyway's patterns: \
      <version>__<description>.sql or R__<description>.sql (sqlMigrationPrefix '', repeatableSqlMigrationPrefix \
      'R', sqlMigrationSeparator '__')
      """.formatted(DIR);

  @TempDir
  Path basedir;

  private Path migrations;

  @BeforeEach
  void copyFixtureAndWriteTheBackfill() throws IOException {
    migrations = Files.createDirectories(basedir.resolve(DIR));
    Path fixture = Path.of("src/test/resources/real-shapes/db/migration");
    try (Stream<Path> files = Files.list(fixture)) {
      for (Path file : (Iterable<Path>) files::iterator) {
        Files.copy(file, migrations.resolve(file.getFileName().toString()));
      }
    }
    StringBuilder backfill = new StringBuilder("SET lock_timeout = '2s';\n"
        + "ALTER TABLE ${app_schema}.orders ADD COLUMN archived boolean;\n");
    for (int id = 1; id <= UPDATES; id++) {
      backfill.append("UPDATE ${app_schema}.orders SET archived = false WHERE id = ").append(id).append(";\n");
    }
    Files.writeString(migrations.resolve("20240301080000__backfill_archived.sql"), backfill, StandardCharsets.UTF_8);
  }

  @Test
  void withoutHistoryOrGitEachFileIsJudgedAloneAndTheFloodIsOneFinding() throws IOException {
    List<ProjectMigration> read = SqlMigrationFiles.read(basedir, List.of(migrations), StandardCharsets.UTF_8, NAMING);

    LintReport report = lint(LintScope.unknown(read));

    assertThat(report.toText()).isEqualTo(VARCHAR_FINDING + INDEX_FINDINGS + FLOOD_FINDINGS + """
        1 error, 3 warnings, 2 advice in 6 files (2009 statements)
        pending, linted (6): %1$s20230101090000__create_orders.sql, %1$s20230215120000__create_customers.sql, \
        %1$s20230601100000__index_orders_status.sql, %1$s20240110083000__widen_note.sql, \
        %1$s20240301080000__backfill_archived.sql, %1$sR__open_orders.sql
        applied, read as context only (0): none
        """.formatted(DIR) + NEVER_RUN);
  }

  @Test
  void withAGitBaseOnlyTheChangedFilesArePendingAndTheRestIsContext() throws IOException {
    List<ProjectMigration> read = SqlMigrationFiles.read(basedir, List.of(migrations), StandardCharsets.UTF_8, NAMING);
    Set<Path> changed = Set.of(migrations.resolve("20240301080000__backfill_archived.sql").toAbsolutePath(),
        migrations.resolve("R__open_orders.sql").toAbsolutePath());

    LintReport report = lint(LintScope.fromGit(read, changed, "origin/main"));

    assertThat(report.toText()).as("the old CREATE INDEX is context now; the widening needs no rewrite, as V1 says")
        .isEqualTo(FLOOD_FINDINGS + """
        2 warnings, 1 advice in 2 files (2003 statements)
        pending, linted (2): %1$s20240301080000__backfill_archived.sql, %1$sR__open_orders.sql
        applied, read as context only (4): %1$s20230101090000__create_orders.sql, \
        %1$s20230215120000__create_customers.sql, %1$s20230601100000__index_orders_status.sql, \
        %1$s20240110083000__widen_note.sql
        """.formatted(DIR) + NEVER_RUN);
  }

  private static LintReport lint(LintScope scope) {
    LintOptions options = LintOptions.builder().eachFileAlone(scope.eachFileAlone()).build();
    return new Linter(options).lint(scope.migrations().stream().map(ProjectMigration::source).toList());
  }
}
