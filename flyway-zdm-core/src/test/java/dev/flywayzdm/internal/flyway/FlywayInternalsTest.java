package dev.flywayzdm.internal.flyway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.flywayzdm.testsupport.PostgresTest;
import dev.flywayzdm.testsupport.TestDatabase;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import java.util.stream.Collectors;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The adapter to Flyway's internal classes answers on the Flyway version the build runs with: the
 * matrix runs this test on 11.7.2, 12.11.0 and 13.12.0 ({@code -Dflyway.version=...}). When a Flyway
 * release changes those classes, this test fails first.
 */
@PostgresTest
class FlywayInternalsTest {

  @Test
  void shouldTellWhichPendingMigrationsRunInATransaction(TestDatabase db, @TempDir Path folder) throws Exception {
    db.execute("CREATE SCHEMA internals_tx");
    Files.writeString(folder.resolve("V1__table.sql"), "CREATE TABLE t (id bigint PRIMARY KEY);");
    Files.writeString(folder.resolve("V2__index.sql"), "CREATE INDEX CONCURRENTLY t_id_idx ON t (id);");
    Flyway flyway = flyway(db, "internals_tx", folder);

    Map<String, Boolean> inTransaction = Arrays.stream(flyway.info().pending()).collect(Collectors.toMap(
        MigrationInfo::getScript, info -> FlywayInternals.executesInTransaction(info).orElseThrow()));

    assertThat(inTransaction).as("Flyway's parser marks a concurrent index build non-transactional")
        .containsEntry("V1__table.sql", true).containsEntry("V2__index.sql", false);
  }

  @Test
  void shouldReadWhatAFailedMigrateSays(TestDatabase db, @TempDir Path folder) throws Exception {
    db.execute("CREATE SCHEMA internals_fail");
    Files.writeString(folder.resolve("V1__table.sql"), "CREATE TABLE t (id bigint PRIMARY KEY);");
    Files.writeString(folder.resolve("V2__broken.sql"), "ALTER TABLE missing_table ADD COLUMN note text;");
    Flyway flyway = flyway(db, "internals_fail", folder);

    Throwable failure = catchThrowable(flyway::migrate);

    assertThat(failure).as("migrate failed on V2").isNotNull();
    assertThat(FlywayInternals.failedInTransaction(failure)).as("V2 ran in a transaction").isTrue();
    assertThat(FlywayInternals.migrationsExecutedBefore(failure)).as("V1 was applied before V2 failed").isEqualTo(1);
    assertThat(FlywayInternals.failedStatement(failure)).as("the statement that failed")
        .hasValueSatisfying(sql -> assertThat(sql).contains("ALTER TABLE missing_table"));
  }

  @Test
  void shouldSayNothingAboutOtherFailures() {
    RuntimeException other = new IllegalStateException("not Flyway's");

    assertThat(FlywayInternals.failedInTransaction(other)).isFalse();
    assertThat(FlywayInternals.migrationsExecutedBefore(other)).isZero();
    assertThat(FlywayInternals.failedStatement(other)).isEmpty();
  }

  private static Flyway flyway(TestDatabase db, String schema, Path folder) {
    return Flyway.configure().dataSource(db.dataSource()).schemas(schema)
        .locations("filesystem:" + folder.toAbsolutePath()).load();
  }
}
