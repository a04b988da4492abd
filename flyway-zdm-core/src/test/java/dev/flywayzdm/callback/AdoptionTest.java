package dev.flywayzdm.callback;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.flywayzdm.config.ZdmSettings;
import dev.flywayzdm.testsupport.PostgresTest;
import dev.flywayzdm.testsupport.TestDatabase;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.configuration.FluentConfiguration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Adopting flyway-zdm on a project with years of migrations: the old history still replays on a
 * fresh database (CI, a new laptop), and on a database that ran plain Flyway up to version N the
 * migrations after N are under the rules. Regression for issue 12 item 7.
 */
@PostgresTest
class AdoptionTest {

  private static final Pattern LINT_LINE = Pattern.compile("flyway-zdm lint: V(\\d+)__");

  @TempDir
  Path migrations;

  @Test
  void aLongLivedHistoryAppliesOnAFreshDatabaseWithPlainFlywayAndWithTheCallback(TestDatabase db) throws Exception {
    LongLivedHistory history = LongLivedHistory.write(migrations, db.serverVersionNum(), List.of());
    assertThat(history.size()).as("hundreds of files").isGreaterThan(240);

    int plain = plainFlyway(db, "plain").load().migrate().migrationsExecuted;
    int withCallback;
    try (CapturedLog log = CapturedLog.start()) {
      withCallback = withCallback(db, "zdm", ZdmSettings.defaults()).load().migrate().migrationsExecuted;
      assertThat(log.text()).as("no refusal, and the adoption point was recorded as 'from the start'")
          .doesNotContain("outside a declared contract step")
          .contains("every pending migration is under flyway-zdm's rules");
    }

    assertThat(plain).isEqualTo(history.size());
    assertThat(withCallback).as("every migration applied with the callback too").isEqualTo(history.size());
    assertThat(db.queryValue("SELECT format_type(atttypid, atttypmod) FROM pg_attribute"
        + " WHERE attrelid = 'zdm.customers'::regclass AND attname = 'name'")).isEqualTo("text");
    assertThat(db.queryLong("SELECT count(*) FROM zdm.flyway_zdm_adoption WHERE start_after IS NULL")).isEqualTo(1);
  }

  @Test
  void addingTheCallbackAtVersionNPutsOnlyTheLaterMigrationsUnderTheRules(TestDatabase db) throws Exception {
    LongLivedHistory history = LongLivedHistory.write(migrations, db.serverVersionNum(), List.of(
        new String[] {"add_column", "ALTER TABLE customers ADD COLUMN nickname text;"},
        new String[] {"widen_old_column", "ALTER TABLE feature_1 ALTER COLUMN code TYPE varchar(200);"},
        new String[] {"drop_old_column", "ALTER TABLE customers DROP COLUMN created_at;"}));
    int adoptedAt = history.size() - 3;
    // years of plain Flyway: 1..N applied without flyway-zdm
    plainFlyway(db, "app").target(String.valueOf(adoptedAt)).load().migrate();

    assertThatThrownBy(() -> withCallback(db, "app", ZdmSettings.defaults()).load().migrate())
        .hasRootCauseInstanceOf(MigrationRefusedException.class)
        .hasMessageContaining("V" + history.size() + "__drop_old_column: DROP COLUMN outside a declared contract step:"
            + " \"ALTER TABLE customers DROP COLUMN created_at;\"");

    assertThat(db.queryLong("SELECT max(version::int) FROM app.flyway_schema_history WHERE success"))
        .as("N+1 (a new column) and N+2 (a wider varchar of a table from before N, read from the catalog) ran;"
            + " N+3 did not")
        .isEqualTo(history.size() - 1);
    assertThat(db.queryValue("SELECT start_after FROM app.flyway_zdm_adoption"))
        .as("the highest version applied when flyway-zdm first ran").isEqualTo(String.valueOf(adoptedAt));
    assertThatThrownBy(() -> withCallback(db, "app", ZdmSettings.defaults()).load().migrate())
        .as("the adoption point does not move on a rerun: still refused")
        .hasMessageContaining("drop_old_column: DROP COLUMN");
    assertThat(db.queryValue("SELECT start_after FROM app.flyway_zdm_adoption")).isEqualTo(String.valueOf(adoptedAt));

    int fresh = withCallback(db, "fresh", ZdmSettings.defaults()).load().migrate().migrationsExecuted;
    assertThat(fresh).as("a fresh database replays all of them: customers is new there").isEqualTo(history.size());
  }

  @Test
  void migrationsUpToStartAfterRunAsPlainFlywayRunsThemWithoutLintFindings(TestDatabase db) throws Exception {
    LongLivedHistory history = LongLivedHistory.write(migrations, db.serverVersionNum(), List.of(
        new String[] {"partition_helper", """
            CREATE FUNCTION make_partition(suffix text) RETURNS void LANGUAGE plpgsql AS $$
            BEGIN
              EXECUTE format('CREATE TABLE IF NOT EXISTS %I (id int)', 'events_' || suffix);
            END $$;
            SELECT make_partition('2019');
            """},
        new String[] {"feature_after_adoption", "CREATE INDEX customers_name ON customers (name);"}));
    int startAfter = history.size() - 1;

    assertThatThrownBy(() -> withCallback(db, "strict", ZdmSettings.defaults()).load().migrate())
        .as("without the setting the old dynamic SQL is under the rules: it cannot be verified, so it fails closed")
        .hasRootCauseInstanceOf(MigrationRefusedException.class)
        .hasMessageContaining("V" + startAfter + "__partition_helper: dynamic SQL outside a declared contract step")
        .hasMessageContaining("calls make_partition(), whose body runs dynamic SQL")
        .hasMessageContaining("dynamic SQL fails closed");

    String log;
    int executed;
    try (CapturedLog captured = CapturedLog.start()) {
      executed = withCallback(db, "adopted", ZdmSettings.builder().startAfter(String.valueOf(startAfter)).build())
          .load().migrate().migrationsExecuted;
      log = captured.text();
    }
    assertThat(executed).isEqualTo(history.size());
    assertThat(log).contains("migrations up to and including " + startAfter + " predate flyway-zdm (flyway.zdm.startAfter)");
    Matcher lint = LINT_LINE.matcher(log);
    while (lint.find()) {
      assertThat(Integer.parseInt(lint.group(1))).as("a lint finding of a migration before the adoption point: "
          + lint.group()).isGreaterThan(startAfter);
    }
    assertThat(log).as("the one migration under the rules is linted").contains("flyway-zdm lint: V" + history.size() + "__");
  }

  private FluentConfiguration plainFlyway(TestDatabase db, String schema) {
    return Flyway.configure().dataSource(db.dataSource()).schemas(schema).locations("filesystem:" + migrations);
  }

  private FluentConfiguration withCallback(TestDatabase db, String schema, ZdmSettings settings) {
    return TestFlyway.configure(db.dataSource(), schema, "unused", settings).locations("filesystem:" + migrations);
  }
}
