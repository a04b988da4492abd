package dev.flywayzdm.migration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.flywayzdm.config.ZdmSettings;
import dev.flywayzdm.internal.pg.LockNotAvailableException;
import dev.flywayzdm.internal.pg.SessionActivity;
import dev.flywayzdm.testsupport.PostgresTest;
import dev.flywayzdm.testsupport.TestDatabase;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.junit.jupiter.api.Test;

@PostgresTest
class ConcurrentIndexMigrationTest {

  private static final int ROWS = 200_000;
  private static final Duration LOCK_TIMEOUT = Duration.ofMillis(500);
  private static final Duration MARGIN = Duration.ofMillis(2500);

  /** A migration whose index and settings a test chooses; Flyway names it V1__index. */
  static final class V1__index extends ConcurrentIndexMigration {
    private final Supplier<ConcurrentIndex> index;
    private final ZdmSettings settings;

    V1__index(Supplier<ConcurrentIndex> index) {
      this(index, ZdmSettings.builder().lockTimeout(LOCK_TIMEOUT).build());
    }

    V1__index(Supplier<ConcurrentIndex> index, ZdmSettings settings) {
      this.index = index;
      this.settings = settings;
    }

    @Override
    protected ZdmSettings settings(ZdmSettings projectDefaults) {
      return settings;
    }

    @Override
    protected ConcurrentIndex index() {
      return index.get();
    }
  }

  private static String validity(TestDatabase db, String index) throws SQLException {
    Object valid = db.queryValue("SELECT indisvalid FROM pg_index WHERE indexrelid = to_regclass('" + index + "')");
    return valid == null ? "missing" : ((Boolean) valid ? "valid" : "INVALID");
  }

  private static <T extends Throwable> T cause(Throwable failure, Class<T> type) {
    for (Throwable t = failure; t != null; t = t.getCause()) {
      if (type.isInstance(t)) {
        return type.cast(t);
      }
    }
    throw new AssertionError("no " + type.getSimpleName() + " in the cause chain of " + failure, failure);
  }

  @Test
  void writersNeverWaitOnTheConcurrentBuildButQueueBehindAPlainCreateIndex(TestDatabase db) throws Exception {
    // slow_key makes the build take seconds, like an index on a large table
    db.execute("CREATE FUNCTION slow_key(t text) RETURNS text IMMUTABLE LANGUAGE plpgsql"
        + " AS $$ BEGIN RETURN md5(t) || md5(t || 'x'); END $$");
    db.execute("CREATE TABLE busy (id bigint PRIMARY KEY, note bigint NOT NULL DEFAULT 0, payload text NOT NULL DEFAULT md5(random()::text))");
    db.execute("INSERT INTO busy (id) SELECT g FROM generate_series(1, " + ROWS + ") g");
    AtomicLong nextId = new AtomicLong(ROWS);

    WriteLoad.Result safe;
    try (WriteLoad load = WriteLoad.start(db, "busy", 2, ROWS, nextId)) {
      TestFlyway.sessionLock(db, new V1__index(() ->
          ConcurrentIndex.create("idx_busy_slow").on("busy").expression("slow_key(payload)"))).migrate();
      load.awaitWrites(20);
      safe = load.stop();
    }

    WriteLoad.Result naive;
    long naiveNanos;
    try (WriteLoad load = WriteLoad.start(db, "busy", 2, ROWS, nextId)) {
      load.awaitWrites(20);
      long start = System.nanoTime();
      db.execute("CREATE INDEX idx_busy_slow_plain ON busy (slow_key(payload))");
      naiveNanos = System.nanoTime() - start;
      load.awaitWrites(20);
      naive = load.stop();
    }

    System.out.printf("concurrent build: %d writes, longest %d ms; plain CREATE INDEX (%d ms): %d writes, longest %d ms%n",
        safe.writes(), safe.maxWait().toMillis(), naiveNanos / 1_000_000, naive.writes(), naive.maxWait().toMillis());
    assertThat(validity(db, "idx_busy_slow")).isEqualTo("valid");
    assertThat(safe.failures()).as("no writer failed during the concurrent build").isEmpty();
    assertThat(safe.maxWait()).as("no write waited longer than lock_timeout + margin").isLessThan(LOCK_TIMEOUT.plus(MARGIN));
    assertThat(naive.failures()).isEmpty();
    assertThat(naive.maxWait()).as("writes queued behind the plain CREATE INDEX")
        .isGreaterThan(Duration.ofNanos(naiveNanos / 3)).isGreaterThan(Duration.ofMillis(300));
  }

  @Test
  void aFailedUniqueBuildLeavesNoInvalidIndexAndTheRerunAfterRepairBuildsIt(TestDatabase db) throws Exception {
    db.execute("CREATE TABLE members (id int PRIMARY KEY, email text)");
    db.execute("INSERT INTO members VALUES (1, 'a@x'), (2, 'b@x'), (3, 'B@x')");
    V1__index migration = new V1__index(() ->
        ConcurrentIndex.create("idx_members_email").on("members").unique().expression("lower(email)"));
    Flyway flyway = TestFlyway.sessionLock(db, migration);

    assertThatThrownBy(flyway::migrate).isInstanceOf(FlywayException.class)
        .satisfies(e -> assertThat(cause(e, SQLException.class).getMessage())
            .contains("V1__index: building unique index \"idx_members_email\"")
            .contains("duplicate keys, e.g. Key (lower(email))=(b@x) is duplicated"));
    assertThat(validity(db, "idx_members_email")).as("no invalid index left behind").isEqualTo("missing");

    db.execute("DELETE FROM members WHERE id = 3");
    flyway.repair();
    flyway.migrate();
    assertThat(validity(db, "idx_members_email")).isEqualTo("valid");
  }

  @Test
  void rebuildsAnInvalidIndexLeftByAKilledBuild(TestDatabase db) throws Exception {
    db.execute("CREATE TABLE tags (id int PRIMARY KEY, label text)");
    db.execute("INSERT INTO tags VALUES (1, 'a'), (2, 'a')");
    assertThatThrownBy(() -> db.execute("CREATE UNIQUE INDEX CONCURRENTLY idx_tags_label ON tags (label)"));
    db.execute("UPDATE tags SET label = 'b' WHERE id = 2");
    assertThat(validity(db, "idx_tags_label")).isEqualTo("INVALID");

    TestFlyway.sessionLock(db, new V1__index(() ->
        ConcurrentIndex.create("idx_tags_label").on("tags").unique().columns("label"))).migrate();

    assertThat(validity(db, "idx_tags_label")).isEqualTo("valid");
    assertThat(db.queryLong("SELECT count(*) FROM pg_indexes WHERE tablename = 'tags'")).as("pkey + rebuilt index").isEqualTo(2);
  }

  @Test
  void waitsForAnOlderTransactionAndFinishesOnceItEnds(TestDatabase db) throws Exception {
    db.execute("CREATE TABLE waited (id int PRIMARY KEY, note int)");
    db.execute("INSERT INTO waited SELECT g, 0 FROM generate_series(1, 1000) g");
    try (Connection blocker = db.connect()) {
      blocker.setAutoCommit(false);
      try (Statement statement = blocker.createStatement()) {
        statement.executeUpdate("UPDATE waited SET note = 1 WHERE id = 1");
      }
      CompletableFuture<Void> migration = CompletableFuture.runAsync(() -> TestFlyway.sessionLock(db, new V1__index(() ->
          ConcurrentIndex.create("idx_waited_note").on("waited").columns("note"))).migrate());

      awaitBuildWaiting(db);
      assertThat(migration).isNotDone();
      blocker.commit();

      migration.get(60, TimeUnit.SECONDS);
    }
    assertThat(validity(db, "idx_waited_note")).isEqualTo("valid");
  }

  @Test
  void givesUpNamingTheBlockerWhenItOutlastsTheWaitBound(TestDatabase db) throws Exception {
    db.execute("CREATE TABLE stuck (id int PRIMARY KEY, note int)");
    db.execute("INSERT INTO stuck SELECT g, 0 FROM generate_series(1, 1000) g");
    ZdmSettings bounded = ZdmSettings.builder().lockTimeout(LOCK_TIMEOUT).lockRetryMaxTotal(Duration.ofSeconds(3)).build();
    try (Connection blocker = db.connect()) {
      int blockerPid = SessionActivity.backendPid(blocker);
      blocker.setAutoCommit(false);
      try (Statement statement = blocker.createStatement()) {
        statement.executeUpdate("UPDATE stuck SET note = 1 WHERE id = 1");
      }

      Flyway flyway = TestFlyway.sessionLock(db, new V1__index(() ->
          ConcurrentIndex.create("idx_stuck_note").on("stuck").columns("note"), bounded));

      assertThatThrownBy(flyway::migrate)
          .satisfies(e -> assertThat(cause(e, LockNotAvailableException.class).getMessage())
              .contains("V1__index: building \"idx_stuck_note\"")
              .contains("flyway.zdm.lockRetryMaxTotal=3s")
              .contains("pid " + blockerPid)
              .contains("UPDATE stuck SET note = 1")
              .contains("the next run drops and rebuilds it"));
      blocker.rollback();

      flyway.repair();
      flyway.migrate();
    }
    assertThat(validity(db, "idx_stuck_note")).as("the rerun rebuilt it").isEqualTo("valid");
  }

  @Test
  void quotesHostileNamesSoNothingTheyContainIsExecuted(TestDatabase db) throws Exception {
    db.execute("CREATE TABLE victims (id int)");
    String table = "Wé ird; DROP TABLE victims; --";
    String column = "Mixed \"Col\"";
    db.execute("CREATE TABLE \"Wé ird; DROP TABLE victims; --\" (\"Mixed \"\"Col\"\"\" int)");
    String index = "ix\"; DROP TABLE victims; -- ünï";

    TestFlyway.sessionLock(db, new V1__index(() -> ConcurrentIndex.create(index).on(table).columns(column))).migrate();

    assertThat(db.queryLong("SELECT count(*) FROM pg_class WHERE relname = 'victims'")).isEqualTo(1);
    assertThat((String) db.queryValue("SELECT indexrelid::regclass::text FROM pg_index WHERE indrelid = to_regclass('\"Wé ird; DROP TABLE victims; --\"')"))
        .isEqualTo("\"ix\"\"; DROP TABLE victims; -- ünï\"");
  }

  /** Regression: under a Turkish default locale the fix read ConcurrentIndex.reındex("x"), which does not compile. */
  @Test
  void theFixInTheMessageNamesTheRealMethodUnderATurkishLocale() {
    Locale original = Locale.getDefault();
    try {
      Locale.setDefault(Locale.forLanguageTag("tr-TR"));
      assertThatThrownBy(() -> ConcurrentIndex.reindex("idx_orders").on("orders"))
          .hasMessageContaining("ConcurrentIndex.reindex(\"idx_orders\") takes only the index name");
    } finally {
      Locale.setDefault(original);
    }
  }

  @Test
  void rejectsOverlongAndMalformedNamesBeforeAnySqlRuns(TestDatabase db) throws Exception {
    String longName = "i".repeat(62) + "ü";
    assertThatThrownBy(() -> ConcurrentIndex.create(longName))
        .hasMessageContaining("invalid index name").hasMessageContaining("64 bytes long");
    assertThatThrownBy(() -> ConcurrentIndex.create("ok").on("a.b.c"))
        .hasMessageContaining("expected name or schema.name");
    assertThatThrownBy(() -> ConcurrentIndex.create("ok").on("t").column("c", "DESC; DROP TABLE t"))
        .hasMessageContaining("invalid index column options");
    assertThatThrownBy(() -> ConcurrentIndex.drop("x").columns("c"))
        .hasMessageContaining("takes only the index name");

    assertThatThrownBy(() -> TestFlyway.sessionLock(db, new V1__index(() -> ConcurrentIndex.create("ok").on("t"))).migrate())
        .satisfies(e -> assertThat(cause(e, IllegalStateException.class).getMessage())
            .contains("V1__index: index \"ok\" on \"t\" needs at least one key"));
  }

  @Test
  void failsFastWhenFlywayKeepsItsTransactionalLock(TestDatabase db) throws Exception {
    db.execute("CREATE TABLE locked (id int)");
    long start = System.nanoTime();

    assertThatThrownBy(() -> TestFlyway.transactionalLock(db, new V1__index(() ->
        ConcurrentIndex.create("idx_locked_id").on("locked").columns("id"))).migrate())
        .satisfies(e -> assertThat(cause(e, IllegalStateException.class).getMessage())
            .contains("V1__index").contains("Set flyway.postgresql.transactional.lock=false"));

    assertThat(Duration.ofNanos(System.nanoTime() - start)).as("fails fast instead of hanging").isLessThan(Duration.ofSeconds(20));
    assertThat(validity(db, "idx_locked_id")).isEqualTo("missing");
  }

  @Test
  void dropsAndRebuildsIndexesConcurrently(TestDatabase db) throws Exception {
    db.execute("CREATE TABLE olds (id int)");
    db.execute("CREATE INDEX idx_olds_id ON olds (id)");

    TestFlyway.sessionLock(db, new V1__index(() -> ConcurrentIndex.reindex("public.idx_olds_id"))).migrate();
    assertThat(validity(db, "idx_olds_id")).isEqualTo("valid");
    TestFlyway.sessionLock(db, new V1__index(() -> ConcurrentIndex.drop("public.idx_olds_id"))).migrate();
    assertThat(validity(db, "idx_olds_id")).isEqualTo("missing");
  }

  /** Waits (bounded) until a CREATE INDEX CONCURRENTLY backend waits on a lock. */
  private static void awaitBuildWaiting(TestDatabase db) throws Exception {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
    while (db.queryLong("SELECT count(*) FROM pg_stat_activity WHERE wait_event_type = 'Lock'"
        + " AND query LIKE 'CREATE INDEX CONCURRENTLY%'") == 0) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("the build never waited for the open transaction");
      }
      Thread.sleep(20);
    }
  }
}
