package dev.flywayzdm.callback;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.flywayzdm.callback.rerun.V1__constraint;
import dev.flywayzdm.callback.rerun.V1__dual_write;
import dev.flywayzdm.callback.rerun.V1__index;
import dev.flywayzdm.callback.rerun.V2__backfill;
import dev.flywayzdm.config.ZdmSettings;
import dev.flywayzdm.migration.Backfill;
import dev.flywayzdm.migration.ConcurrentIndex;
import dev.flywayzdm.migration.DualWrite;
import dev.flywayzdm.migration.ValidatedConstraint;
import dev.flywayzdm.testsupport.PostgresTest;
import dev.flywayzdm.testsupport.TestDatabase;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicReference;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.configuration.FluentConfiguration;
import org.flywaydb.core.api.migration.JavaMigration;
import org.junit.jupiter.api.Test;

/**
 * Issue 12, item 4: a wrong argument of a flyway-zdm migration stops the run before anything
 * changed; after the fix the same migrate runs, with no repair.
 */
@PostgresTest
class ArgumentErrorsBeforeRunTest {

  private static final ZdmSettings SETTINGS = ZdmSettings.builder().lockTimeout(Duration.ofMillis(500)).build();

  @Test
  void shouldRefuseABackfillWithoutWhereBeforeTheFirstMigrationOfTheRunChangesAnything(TestDatabase db) throws Exception {
    db.execute("CREATE SCHEMA args_where; CREATE TABLE args_where.users (id int PRIMARY KEY, name text, display_name text);"
        + " INSERT INTO args_where.users VALUES (1, 'a', NULL)");
    AtomicReference<Backfill> backfill = new AtomicReference<>(Backfill.table("users").set("display_name = name"));
    Flyway flyway = withCallback(db, "args_where",
        new V1__index(() -> ConcurrentIndex.create("idx_users_name").on("users").columns("name")),
        new V2__backfill(backfill::get)).load();

    assertThatThrownBy(flyway::migrate).hasRootCauseInstanceOf(MigrationRefusedException.class)
        .hasStackTraceContaining("V2__backfill: backfill of \"users\" needs both")
        .hasStackTraceContaining("Nothing was migrated");
    assertThat(db.queryLong("SELECT count(*) FROM pg_class WHERE relname = 'idx_users_name'"))
        .as("the index of V1, before the wrong V2, was not built").isZero();
    assertThat(db.queryLong("SELECT count(*) FROM args_where.flyway_schema_history WHERE version IN ('1', '2')")).isZero();

    backfill.set(Backfill.table("users").set("display_name = name").where("display_name IS NULL"));
    flyway.migrate();

    assertThat(db.queryLong("SELECT count(*) FROM args_where.users WHERE display_name IS NULL")).isZero();
  }

  @Test
  void shouldBuildNoSupportingIndexForAForeignKeyToAMissingTable(TestDatabase db) throws Exception {
    db.execute("CREATE SCHEMA args_fk; CREATE TABLE args_fk.lines (id int PRIMARY KEY, customer_id int)");
    Flyway flyway = withCallback(db, "args_fk", new V1__constraint(() ->
        ValidatedConstraint.foreignKey("lines", "lines_customer_fk", "customer_id").references("customers", "id"))).load();

    assertThatThrownBy(flyway::migrate).hasStackTraceContaining("table \"customers\" does not exist")
        .hasStackTraceContaining("To continue: remove the cause and run the same migrate again");
    assertThat(db.queryLong("SELECT count(*) FROM pg_indexes WHERE schemaname = 'args_fk' AND tablename = 'lines'"
        + " AND indexname <> 'lines_pkey'")).as("no supporting index left behind").isZero();

    db.execute("CREATE TABLE args_fk.customers (id int PRIMARY KEY)");
    flyway.migrate();

    assertThat(db.queryLong("SELECT count(*) FROM pg_constraint WHERE conname = 'lines_customer_fk' AND convalidated"))
        .isEqualTo(1);
  }

  @Test
  void shouldRefuseAForeignKeyToAMissingColumnBeforeBuildingItsIndex(TestDatabase db) throws Exception {
    db.execute("CREATE SCHEMA args_fkcol; CREATE TABLE args_fkcol.customers (id int PRIMARY KEY);"
        + " CREATE TABLE args_fkcol.lines (id int PRIMARY KEY, customer_id int)");
    Flyway flyway = withCallback(db, "args_fkcol", new V1__constraint(() ->
        ValidatedConstraint.foreignKey("lines", "lines_customer_fk", "customer_id").references("customers", "uid"))).load();

    assertThatThrownBy(flyway::migrate).hasStackTraceContaining("has no column \"uid\"");
    assertThat(db.queryLong("SELECT count(*) FROM pg_indexes WHERE schemaname = 'args_fkcol' AND tablename = 'lines'"
        + " AND indexname <> 'lines_pkey'")).isZero();
  }

  @Test
  void shouldInstallNoTriggerForACompatibilityViewInASchemaThatDoesNotExist(TestDatabase db) throws Exception {
    db.execute("CREATE SCHEMA args_view; CREATE TABLE args_view.users (id int PRIMARY KEY, name text)");
    Flyway flyway = withCallback(db, "args_view", new V1__dual_write(() ->
        DualWrite.table("users").from("name").to("display_name").compatibilityView("compat.users_v1"))).load();

    assertThatThrownBy(flyway::migrate).hasStackTraceContaining("schema \"compat\", which does not exist");
    assertThat(db.queryLong("SELECT count(*) FROM pg_trigger WHERE tgrelid = 'args_view.users'::regclass AND NOT tgisinternal"))
        .as("no trigger installed").isZero();
    assertThat(db.queryLong("SELECT count(*) FROM information_schema.columns WHERE table_schema = 'args_view'"
        + " AND column_name = 'display_name'")).as("no column added").isZero();

    db.execute("CREATE SCHEMA compat");
    flyway.migrate();

    assertThat(db.queryLong("SELECT count(*) FROM pg_views WHERE schemaname = 'compat' AND viewname = 'users_v1'")).isEqualTo(1);
  }

  private static FluentConfiguration withCallback(TestDatabase db, String schema, JavaMigration... migrations) {
    return TestFlyway.withSessionLock(TestFlyway.configure(db.dataSource(), schema, "rerun_none", SETTINGS))
        .baselineOnMigrate(true).baselineVersion("0").javaMigrations(migrations);
  }
}
