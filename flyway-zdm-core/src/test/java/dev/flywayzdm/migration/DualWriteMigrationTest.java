package dev.flywayzdm.migration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.flywayzdm.config.ZdmSettings;
import dev.flywayzdm.testsupport.PostgresTest;
import dev.flywayzdm.testsupport.TestDatabase;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.configuration.FluentConfiguration;
import org.junit.jupiter.api.Test;

@PostgresTest
class DualWriteMigrationTest {

  static final ZdmSettings FAST_RETRY = ZdmSettings.defaults().toBuilder()
      .lockTimeout(Duration.ofSeconds(1))
      .lockRetries(30)
      .lockRetryMinBackoff(Duration.ofMillis(50))
      .lockRetryMaxBackoff(Duration.ofMillis(500))
      .build();
  static final Duration WRITE_BOUND = FAST_RETRY.lockTimeout().plus(Duration.ofSeconds(3));
  static final int ROWS = 200_000;

  static final DualWrite USERS = DualWrite.table("users").from("name").to("display_name");

  static final class V1__expand_users_display_name extends DualWriteExpandMigration {
    @Override
    protected DualWrite dualWrite() {
      return USERS;
    }

    @Override
    protected ZdmSettings settings(ZdmSettings projectDefaults) {
      return FAST_RETRY;
    }
  }

  @Contract(expand = "1")
  static final class V2__contract_users_name extends DualWriteContractMigration {
    @Override
    protected DualWrite dualWrite() {
      return USERS;
    }

    @Override
    protected ZdmSettings settings(ZdmSettings projectDefaults) {
      return FAST_RETRY;
    }
  }

  @Test
  void oldAndNewApplicationVersionsWriteSideBySideFromExpandThroughContract(TestDatabase db) throws Exception {
    db.execute("CREATE TABLE users (id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY, name text, email text)");
    db.execute("INSERT INTO users (name, email) SELECT 'user ' || g, g || '@example.com' FROM generate_series(1, " + ROWS + ") g");
    FluentConfiguration flyway = TestFlyway.sessionLockConfiguration(db, new V1__expand_users_display_name(), new V2__contract_users_name());

    try (AppWriters newVersion = new AppWriters()) {
      try (AppWriters oldVersion = AppWriters.start(db, "old-app", 2, (c, random) -> write(c, random, "name"))) {
        oldVersion.awaitWrites(50);

        flyway.target("1").load().migrate();

        newVersion.add(db, "new-app", 2, (c, random) -> write(c, random, "display_name"));
        newVersion.awaitWrites(300);
        oldVersion.awaitWrites(300);
        assertThat(oldVersion.failures()).extracting(Throwable::getMessage).as("old version's writes through expand and backfill").isEmpty();
        assertThat(oldVersion.longestWrite()).as("longest old-version write").isLessThan(WRITE_BOUND);
      }
      assertThat(db.queryLong("SELECT count(*) FROM users WHERE name IS DISTINCT FROM display_name"))
          .as("rows where old and new column disagree after backfill with both versions writing: %s",
              db.queryValue("SELECT string_agg(id || ':' || coalesce(name, '-') || '|' || coalesce(display_name, '-'), ', ')"
                  + " FROM users WHERE name IS DISTINCT FROM display_name")).isZero();
      assertThat(db.queryLong("SELECT count(*) FROM users")).isGreaterThan(ROWS);

      flyway.target("2").load().migrate();
      newVersion.awaitWrites(100);

      assertThat(newVersion.failures()).extracting(Throwable::getMessage).as("new version's writes through expand and contract").isEmpty();
      assertThat(newVersion.longestWrite()).as("longest new-version write").isLessThan(WRITE_BOUND);
    }
    assertThat(db.queryLong("SELECT count(*) FROM pg_attribute WHERE attrelid = 'users'::regclass AND attname = 'name' AND NOT attisdropped"))
        .as("old column dropped").isZero();
    assertThat(db.queryLong("SELECT count(*) FROM pg_trigger WHERE tgrelid = 'users'::regclass AND NOT tgisinternal")).isZero();
    assertThat(db.queryLong("SELECT count(*) FROM pg_proc WHERE proname = 'zdm_dw_users_name_display_name'")).as("trigger function dropped").isZero();
    db.execute("INSERT INTO users (display_name) VALUES ('after contract')");
    assertThat(db.queryLong("SELECT count(*) FROM users WHERE display_name = 'after contract'")).isEqualTo(1);
  }

  static final DualWrite PEOPLE = DualWrite.table("people").from("name").to("display_name");

  static final class V1__expand_people_display_name extends DualWriteExpandMigration {
    @Override
    protected DualWrite dualWrite() {
      return PEOPLE;
    }

    @Override
    protected ZdmSettings settings(ZdmSettings projectDefaults) {
      return FAST_RETRY;
    }
  }

  @Contract(expand = "1")
  static final class V2__contract_people_name extends DualWriteContractMigration {
    @Override
    protected DualWrite dualWrite() {
      return PEOPLE;
    }

    @Override
    protected ZdmSettings settings(ZdmSettings projectDefaults) {
      return FAST_RETRY;
    }
  }

  /**
   * Regression: the contract dropped the trigger and the old column in separate transactions, so a
   * new-version insert in between left a NOT NULL old column empty and failed. An event trigger
   * holds the column drop back for a second to make that window certain.
   */
  @Test
  void newVersionInsertsNeverFailWhileTheContractDropsTheTriggerOfANotNullOldColumn(TestDatabase db) throws Exception {
    db.execute("CREATE TABLE people (id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY, name text NOT NULL)");
    db.execute("INSERT INTO people (name) SELECT 'person ' || g FROM generate_series(1, 2000) g");
    FluentConfiguration flyway = TestFlyway.sessionLockConfiguration(db, new V1__expand_people_display_name(), new V2__contract_people_name());
    flyway.target("1").load().migrate();
    db.execute("""
        CREATE FUNCTION slow_alter_table() RETURNS event_trigger LANGUAGE plpgsql AS $$
        BEGIN PERFORM pg_sleep(1); END $$;
        CREATE EVENT TRIGGER slow_alter_table ON ddl_command_start WHEN TAG IN ('ALTER TABLE')
          EXECUTE FUNCTION slow_alter_table();""");
    try {
      try (AppWriters newVersion = AppWriters.start(db, "new-app", 2, (c, random) -> {
        try (PreparedStatement insert = c.prepareStatement("INSERT INTO people (display_name) VALUES (?)")) {
          insert.setString(1, "new " + random.nextInt(1_000_000));
          insert.executeUpdate();
        }
      })) {
        newVersion.awaitWrites(20);

        flyway.target("2").load().migrate();
        newVersion.awaitWrites(20);

        assertThat(newVersion.failures()).extracting(Throwable::getMessage)
            .as("new-version inserts while the contract drops trigger and column").isEmpty();
      }
    } finally {
      db.execute("DROP EVENT TRIGGER slow_alter_table");
    }
    assertThat(db.queryLong("SELECT count(*) FROM pg_attribute WHERE attrelid = 'people'::regclass AND attname = 'name' AND NOT attisdropped"))
        .as("old column dropped").isZero();
  }

  /** Old version writes {@code name}, new version {@code display_name}: half inserts, half updates of old rows. */
  private static void write(Connection connection, java.util.concurrent.ThreadLocalRandom random, String column) throws java.sql.SQLException {
    String value = column + " " + random.nextInt(1_000_000);
    String sql = random.nextBoolean()
        ? "INSERT INTO users (" + column + ") VALUES (?)"
        : "UPDATE users SET " + column + " = ? WHERE id = " + (1 + random.nextInt(ROWS));
    try (PreparedStatement statement = connection.prepareStatement(sql)) {
      statement.setString(1, value);
      statement.executeUpdate();
    }
  }

  static final DualWrite CENTS = DualWrite.table("orders").from("amount_dollars").to("amount_cents").type("bigint")
      .convert("round({old} * 100)::bigint", "{new} / 100.0").compatibilityView("orders_v1");

  static final class V1__expand_orders_cents extends DualWriteExpandMigration {
    @Override
    protected DualWrite dualWrite() {
      return CENTS;
    }
  }

  @Contract(expand = "1")
  static final class V2__contract_orders_dollars extends DualWriteContractMigration {
    @Override
    protected DualWrite dualWrite() {
      return CENTS;
    }
  }

  @Test
  void aTypeChangeConvertsBothWaysAndTheCompatibilityViewShowsTheOldName(TestDatabase db) throws Exception {
    db.execute("CREATE TABLE orders (id int PRIMARY KEY, amount_dollars numeric(10,2), note text)");
    db.execute("INSERT INTO orders SELECT g, g * 1.25, 'n' FROM generate_series(1, 3000) g");
    FluentConfiguration flyway = TestFlyway.sessionLockConfiguration(db, new V1__expand_orders_cents(), new V2__contract_orders_dollars());

    flyway.target("1").load().migrate();

    assertThat(db.queryLong("SELECT amount_cents FROM orders WHERE id = 3")).as("backfilled: 3.75 dollars").isEqualTo(375);
    db.execute("INSERT INTO orders (id, amount_dollars) VALUES (-1, 12.34)");
    assertThat(db.queryLong("SELECT amount_cents FROM orders WHERE id = -1")).as("old version's insert").isEqualTo(1234);
    db.execute("INSERT INTO orders (id, amount_cents) VALUES (-2, 999)");
    assertThat(db.queryValue("SELECT amount_dollars::text FROM orders WHERE id = -2")).as("new version's insert").isEqualTo("9.99");
    db.execute("UPDATE orders SET amount_cents = 5 WHERE id = 1");
    assertThat(db.queryValue("SELECT amount_dollars::text FROM orders WHERE id = 1")).isEqualTo("0.05");
    db.execute("UPDATE orders SET amount_dollars = 7 WHERE id = 2");
    assertThat(db.queryLong("SELECT amount_cents FROM orders WHERE id = 2")).isEqualTo(700);
    db.execute("UPDATE orders SET amount_dollars = 1, amount_cents = 300 WHERE id = 4");
    assertThat(db.queryValue("SELECT amount_dollars::text FROM orders WHERE id = 4")).as("both changed: the new column wins").isEqualTo("3.00");
    db.execute("INSERT INTO orders_v1 (id, amount_dollars, note) VALUES (-3, 4200, 'via view')");
    assertThat(db.queryLong("SELECT amount_cents FROM orders WHERE id = -3"))
        .as("the view's amount_dollars is the new column (cents) under the old name").isEqualTo(4200);
    assertThat(db.queryValue("SELECT amount_dollars::text FROM orders WHERE id = -3")).isEqualTo("42.00");

    flyway.target("2").load().migrate();

    assertThat(db.queryValue("SELECT to_regclass('orders_v1')")).as("compatibility view dropped").isNull();
    assertThat(db.queryLong("SELECT count(*) FROM information_schema.columns WHERE table_name = 'orders'")).isEqualTo(3);
    assertThat(db.queryLong("SELECT sum(amount_cents) FROM orders WHERE id > 0"))
        .isEqualTo(db.queryLong("SELECT sum(round(g * 1.25 * 100)) FROM generate_series(5, 3000) g") + 375 + 5 + 700 + 300);
  }

  static final DualWrite LATE = DualWrite.table("late").from("v").to("w");

  static final class V1__expand_late_without_backfill extends DualWriteExpandMigration {
    @Override
    protected DualWrite dualWrite() {
      return LATE;
    }

    @Override
    protected boolean backfill() {
      return false;
    }
  }

  @Contract(expand = "1")
  static final class V2__contract_late extends DualWriteContractMigration {
    @Override
    protected DualWrite dualWrite() {
      return LATE;
    }
  }

  @Test
  void contractRefusesWithCountAndKeysWhileRowsDisagree(TestDatabase db) throws Exception {
    db.execute("CREATE TABLE late (id int PRIMARY KEY, v text)");
    db.execute("INSERT INTO late SELECT g, 'v' || g FROM generate_series(1, 2500) g");
    FluentConfiguration flyway = TestFlyway.sessionLockConfiguration(db, new V1__expand_late_without_backfill(), new V2__contract_late());
    flyway.target("1").load().migrate();
    db.execute("UPDATE late SET v = v WHERE id > 10"); // a partial backfill: rows 1..10 stay empty

    // rows 11..20: the new column set, but wrong (written while the trigger was off, say)
    db.execute("ALTER TABLE late DISABLE TRIGGER USER; UPDATE late SET w = 'wrong' WHERE id BETWEEN 11 AND 20;"
        + " ALTER TABLE late ENABLE TRIGGER USER");
    AtomicReference<String> message = new AtomicReference<>();
    assertThatThrownBy(() -> flyway.target("2").load().migrate())
        .rootCause()
        .hasMessageContaining("V2__contract_late: refusing to drop \"late\".\"v\": 20 of 2500 rows")
        .hasMessageContaining("(id)=(1), (id)=(2), (id)=(3), (id)=(4), (id)=(5)")
        .hasMessageContaining("nothing was dropped")
        .satisfies(e -> message.set(e.getMessage()))
        .message().as("no template placeholder or elided SQL in the advice").doesNotContain("{old}", "{new}", "UPDATE ...");

    assertThat(db.queryLong("SELECT count(*) FROM information_schema.columns WHERE table_name = 'late'")).isEqualTo(3);
    assertThat(db.queryLong("SELECT count(*) FROM pg_trigger WHERE tgrelid = 'late'::regclass")).as("trigger kept").isEqualTo(1);

    String advice = message.get().substring(message.get().indexOf("UPDATE "), message.get().indexOf("); (the dual-write") + 2);
    db.execute(advice);
    Flyway rerun = flyway.target("2").load();
    rerun.repair();
    rerun.migrate();
    assertThat(db.queryLong("SELECT count(*) FROM information_schema.columns WHERE table_name = 'late'"))
        .as("the advised statement made every row agree: the contract dropped the old column").isEqualTo(2);
  }

  static final class V1__expand_accounts_owner extends DualWriteExpandMigration {
    @Override
    protected DualWrite dualWrite() {
      return DualWrite.table("accounts").from("name").to("display_name");
    }
  }

  @Test
  void expandKilledDuringTheBackfillCompletesOnRerun(TestDatabase db) throws Exception {
    db.execute("CREATE TABLE accounts (id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY, name text, email text)");
    db.execute("INSERT INTO accounts (name) SELECT 'user ' || g FROM generate_series(1, " + ROWS + ") g");
    FluentConfiguration flyway = TestFlyway.sessionLockConfiguration(db, new V1__expand_accounts_owner());

    CompletableFuture<Long> killer = CompletableFuture.supplyAsync(() -> terminateWhenRunning(db, "%UPDATE %SET \"name\" = \"name\"%"));
    assertThatThrownBy(() -> flyway.load().migrate()).as("the expand's connection was terminated").isNotNull();
    assertThat(killer.get(60, TimeUnit.SECONDS)).as("backends terminated mid-backfill").isEqualTo(1);
    long filledBeforeKill = db.queryLong("SELECT count(*) FROM accounts WHERE display_name IS NOT NULL");
    assertThat(filledBeforeKill).as("killed part-way").isLessThan(ROWS);

    Flyway rerun = flyway.load();
    rerun.repair();
    rerun.migrate();

    assertThat(db.queryLong("SELECT count(*) FROM accounts WHERE name IS DISTINCT FROM display_name")).isZero();
    assertThat(db.queryLong("SELECT count(*) FROM pg_trigger WHERE tgrelid = 'accounts'::regclass")).isEqualTo(1);
  }

  /** Waits (bounded) for a backend running a query like {@code pattern}, terminates it, returns how many were hit. */
  static long terminateWhenRunning(TestDatabase db, String pattern) {
    try (Connection connection = db.connect();
        PreparedStatement statement = connection.prepareStatement("SELECT count(pg_terminate_backend(pid)) FROM pg_stat_activity"
            + " WHERE datname = current_database() AND pid <> pg_backend_pid() AND state = 'active' AND query LIKE ?")) {
      statement.setString(1, pattern);
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
      while (System.nanoTime() < deadline) {
        try (ResultSet rows = statement.executeQuery()) {
          rows.next();
          long terminated = rows.getLong(1);
          if (terminated > 0) {
            return terminated;
          }
        }
        Thread.sleep(2);
      }
      return 0;
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  static void execute(Connection connection, String sql) throws java.sql.SQLException {
    try (Statement statement = connection.createStatement()) {
      statement.execute(sql);
    }
  }
}
