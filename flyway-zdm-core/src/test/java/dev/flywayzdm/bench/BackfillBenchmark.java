package dev.flywayzdm.bench;

import dev.flywayzdm.internal.step.SettingsFixture;
import dev.flywayzdm.config.ZdmSettings;
import dev.flywayzdm.internal.backfill.BackfillRunner;
import dev.flywayzdm.internal.backfill.BackfillSpec;
import dev.flywayzdm.internal.pg.QualifiedName;
import dev.flywayzdm.testsupport.TestDatabase;
import dev.flywayzdm.testsupport.TestServer;
import java.sql.Connection;
import java.sql.Statement;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * Batched backfill against one big UPDATE, on a table of N rows (default 1,000,000). Not a test:
 * run it on a quiet machine (see docs/benchmarks.md, "Batched backfill"):
 *
 * <pre>
 * eval "$(scripts/postgres env 17)"
 * mvn -B -o -pl flyway-zdm-core -am -Pbackfill-benchmark verify -DskipTests -Dbench.rows=1000000 -Dbench.batch=1000
 * </pre>
 */
public final class BackfillBenchmark {

  private BackfillBenchmark() {}

  public static void main(String[] args) throws Exception {
    int rows = Integer.getInteger("bench.rows", 1_000_000);
    int batch = Integer.getInteger("bench.batch", 1000);
    TestServer server = TestServer.get();
    TestDatabase db = server.createDatabase(BackfillBenchmark.class);
    try {
      for (String table : List.of("batched", "single")) {
        db.execute("CREATE TABLE " + table + " (id bigint PRIMARY KEY, counter int NOT NULL, bumped boolean NOT NULL DEFAULT false,"
            + " payload text NOT NULL)");
        db.execute("INSERT INTO " + table + " (id, counter, payload) SELECT g, g % 7, md5(g::text) FROM generate_series(1, " + rows + ") g");
        db.execute("VACUUM ANALYZE " + table);
      }

      BackfillRunner.Result result;
      long batchedNanos;
      try (Connection connection = db.connect()) {
        BackfillSpec spec = new BackfillSpec(QualifiedName.parse("table", "batched"), "counter = counter + 1, bumped = true",
            "NOT bumped", List.of(), OptionalInt.of(batch), Optional.empty(), Optional.empty());
        long start = System.nanoTime();
        result = new BackfillRunner("benchmark", SettingsFixture.step(ZdmSettings.defaults()), QualifiedName.parse("table", "flyway_zdm_backfill"), dev.flywayzdm.internal.backfill.BatchGate.OPEN)
            .run(connection, spec);
        batchedNanos = System.nanoTime() - start;
      }

      long singleStart = System.nanoTime();
      db.execute("UPDATE single SET counter = counter + 1, bumped = true WHERE NOT bumped");
      long singleNanos = System.nanoTime() - singleStart;

      System.out.printf("%nPostgreSQL %d, %,d rows, batch size %d%n", db.serverVersionNum(), rows, batch);
      System.out.printf("| %-24s | %10s | %12s | %22s |%n", "method", "total s", "rows/s", "longest lock hold (ms)");
      System.out.printf("| %-24s | %10.1f | %,12.0f | %22d |%n", "batched backfill", batchedNanos / 1e9,
          result.rowsUpdated() / (batchedNanos / 1e9), result.longestBatch().toMillis());
      System.out.printf("| %-24s | %10.1f | %,12.0f | %22d |%n", "single UPDATE", singleNanos / 1e9,
          rows / (singleNanos / 1e9), singleNanos / 1_000_000);
    } finally {
      try (Connection admin = server.connectAdmin(); Statement statement = admin.createStatement()) {
        statement.execute("DROP DATABASE IF EXISTS \"" + db.name() + "\"");
      }
    }
  }
}
