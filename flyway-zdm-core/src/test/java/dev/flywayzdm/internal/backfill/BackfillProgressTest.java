package dev.flywayzdm.internal.backfill;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flywayzdm.internal.step.StepContext;
import dev.flywayzdm.testsupport.PostgresTest;
import dev.flywayzdm.testsupport.TestDatabase;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.configuration.Configuration;
import org.junit.jupiter.api.Test;

/**
 * What the Spring Boot starter's endpoint reads about running backfills: the checkpoint rows the
 * backfill engine itself writes, in the checkpoint table of Flyway's default schema.
 */
@PostgresTest
class BackfillProgressTest {

  @Test
  void listsABackfillWhileItWalksWithItsProgressAndDropsItOnceDone(TestDatabase db) throws SQLException {
    db.execute("CREATE SCHEMA progress");
    Configuration configuration = Flyway.configure().dataSource(db.dataSource()).defaultSchema("progress");
    try (Connection connection = db.connect()) {
      assertThat(BackfillProgress.unfinished(connection, configuration)).as("no checkpoint table yet").isEmpty();

      Checkpoint checkpoint = new Checkpoint(StepContext.checkpointTable(configuration), "V8__backfill_amount_cents");
      checkpoint.ensureTable(connection);
      checkpoint.load(connection, "\"progress\".\"orders\"", "SET amount_cents = amount * 100");
      Progress walk = new Progress("V8__backfill_amount_cents: backfilling orders", "rows", 0, 0, true);
      checkpoint.advance(connection, new String[] {"1000"}, 1000, 1000, false, walk);
      checkpoint.advance(connection, new String[] {"2000"}, 990, 1000, false, walk);

      List<BackfillProgress> running = BackfillProgress.unfinished(connection, configuration);
      assertThat(running).singleElement().satisfies(progress -> {
        assertThat(progress.migration()).isEqualTo("V8__backfill_amount_cents");
        assertThat(progress.targetTable()).isEqualTo("\"progress\".\"orders\"");
        assertThat(progress.status()).isEqualTo("walking");
        assertThat(progress.rowsDone()).isEqualTo(1990);
        assertThat(progress.keysWalked()).isEqualTo(2000);
        assertThat(progress.batches()).isEqualTo(2);
        assertThat(progress.lastKey()).contains("[2000]");
        assertThat(progress.updatedAt()).isAfterOrEqualTo(progress.startedAt());
      });

      checkpoint.finish(connection, 0);
      assertThat(BackfillProgress.unfinished(connection, configuration)).as("a finished backfill is not running").isEmpty();
    }
  }
}
