package dev.flywayzdm.callback;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.flywayzdm.config.ZdmSettings;
import dev.flywayzdm.testsupport.PostgresTest;
import dev.flywayzdm.testsupport.TestDatabase;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicInteger;
import org.flywaydb.core.api.configuration.FluentConfiguration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What the gate can see it sees (constant strings given to EXECUTE, functions and procedures
 * created and then called, DROP TYPE ... CASCADE); what it cannot see (dynamic SQL) fails closed
 * outside a contract or an allow directive. Through plain Flyway.migrate() with the callback, on a
 * database where V1 was applied by an earlier run. Regressions for issue 12 item 6.
 */
@PostgresTest
class DynamicSqlGateTest {

  private static final String V1 = """
      CREATE TYPE mood AS ENUM ('ok', 'sad');
      CREATE TABLE t (a int, b int, m mood);
      INSERT INTO t VALUES (1, 2, 'ok');
      """;

  private static final AtomicInteger SCHEMAS = new AtomicInteger();

  @TempDir
  Path migrations;

  /** One schema per test: the class shares its database. */
  private final String schema = "dyn_" + SCHEMAS.incrementAndGet();

  @Test
  void refusesExecuteOfFormatBeforeAnythingRunsAndSaysWhy(TestDatabase db) throws Exception {
    refused(db, """
        DO $$
        BEGIN
          EXECUTE format('ALTER TABLE %I DROP COLUMN %I', 't', 'b');
        END $$;
        """, "V2__change: dynamic SQL outside a declared contract step: \"DO $$",
        "(EXECUTE format ( 'ALTER TABLE %I DROP COLUMN %I'", "cannot verify", "dynamic SQL fails closed",
        "-- zdm:allow destructive <reason>");
  }

  @Test
  void refusesExecuteOfAConcatenationOrAVariable(TestDatabase db) throws Exception {
    refused(db, "DO $$ DECLARE col text := 'b'; BEGIN EXECUTE 'ALTER TABLE t DROP COLUMN ' || col; END $$;",
        "dynamic SQL outside a declared contract step");
  }

  @Test
  void readsConstantStringsInDollarAndEscapeQuoting(TestDatabase db) throws Exception {
    refused(db, "DO $$ BEGIN EXECUTE $q$ALTER TABLE t DROP COLUMN b$q$; END $$;",
        "V2__change: DROP COLUMN outside a declared contract step", "It breaks the application version");
  }

  @Test
  void readsEscapeStrings(TestDatabase db) throws Exception {
    refused(db, "DO $$ BEGIN EXECUTE E'TRUNCATE t'; END $$;", "V2__change: TRUNCATE outside a declared contract step");
  }

  @Test
  void refusesCallingAFunctionCreatedWithADestructiveBody(TestDatabase db) throws Exception {
    refused(db, """
        CREATE FUNCTION drop_b() RETURNS void LANGUAGE plpgsql AS $$
        BEGIN
          ALTER TABLE t DROP COLUMN b;
        END $$;
        SELECT drop_b();
        """, "V2__change: DROP COLUMN outside a declared contract step: \"SELECT drop_b();\"",
        "calls drop_b(), whose body runs DROP COLUMN");
  }

  @Test
  void refusesCallOfAProcedureRunningDynamicSql(TestDatabase db) throws Exception {
    refused(db, """
        CREATE PROCEDURE wipe(name text) LANGUAGE plpgsql AS $$
        BEGIN
          EXECUTE 'TRUNCATE ' || quote_ident(name);
        END $$;
        CALL wipe('t');
        """, "V2__change: dynamic SQL outside a declared contract step: \"CALL wipe('t');\"");
  }

  @Test
  void refusesDropTypeCascade(TestDatabase db) throws Exception {
    refused(db, "DROP TYPE mood CASCADE;", "V2__change: DROP TYPE ... CASCADE");
  }

  @Test
  void runsDynamicSqlWithAReasonedAllowDirective(TestDatabase db) throws Exception {
    migrate(db, "-- zdm:allow destructive b was never read by a released version\n"
        + "DO $$ BEGIN EXECUTE format('ALTER TABLE %I DROP COLUMN %I', 't', 'b'); END $$;\n");

    assertThat(db.queryLong("SELECT count(*) FROM information_schema.columns WHERE table_schema = '" + schema + "'"
        + " AND table_name = 't' AND column_name = 'b'")).isZero();
  }

  @Test
  void runsHarmlessDynamicSqlAndFunctionsThatAreOnlyCreated(TestDatabase db) throws Exception {
    migrate(db, """
        DO $$ BEGIN EXECUTE 'CREATE INDEX t_a ON t (a)'; END $$;
        CREATE FUNCTION later_cleanup() RETURNS void LANGUAGE plpgsql AS $$
        BEGIN
          EXECUTE format('DROP TABLE %I', 'whatever');
        END $$;
        SELECT plus_one(a) FROM t;
        """.replace("SELECT plus_one", plusOne(db) + "\nSELECT plus_one"));

    assertThat(db.queryLong("SELECT count(*) FROM pg_indexes WHERE schemaname = '" + schema + "' AND indexname = 't_a'")).isEqualTo(1);
  }

  /** A routine with a SQL-standard body where the server has them (14+): the gate must not read it as a drop. */
  private static String plusOne(TestDatabase db) throws Exception {
    return db.serverVersionNum() >= 140_000
        ? "CREATE FUNCTION plus_one(x int) RETURNS int LANGUAGE sql IMMUTABLE RETURN x + 1;"
        : "CREATE FUNCTION plus_one(x int) RETURNS int LANGUAGE sql IMMUTABLE AS 'SELECT x + 1';";
  }

  private void refused(TestDatabase db, String v2, String... messageParts) throws Exception {
    write(db, v2);
    assertThatThrownBy(() -> flyway(db).load().migrate())
        .hasRootCauseInstanceOf(MigrationRefusedException.class)
        .satisfies(e -> {
          for (String part : messageParts) {
            assertThat(e).hasMessageContaining(part);
          }
        });
    assertThat(db.queryLong("SELECT count(*) FROM information_schema.columns WHERE table_schema = '" + schema + "'"
        + " AND table_name = 't' AND column_name = 'b'")).as("nothing of V2 ran").isEqualTo(1);
    assertThat(db.queryLong("SELECT count(*) FROM " + schema + ".t")).isEqualTo(1);
  }

  private void migrate(TestDatabase db, String v2) throws Exception {
    write(db, v2);
    flyway(db).load().migrate();
  }

  /** V1 applied by an earlier run, so t and mood are in use by the running application. */
  private void write(TestDatabase db, String v2) throws Exception {
    Files.writeString(migrations.resolve("V1__create.sql"), V1);
    flyway(db).target("1").load().migrate();
    Files.writeString(migrations.resolve("V2__change.sql"), v2);
  }

  private FluentConfiguration flyway(TestDatabase db) {
    return TestFlyway.configure(db.dataSource(), schema, "unused", ZdmSettings.defaults())
        .locations("filesystem:" + migrations);
  }
}
