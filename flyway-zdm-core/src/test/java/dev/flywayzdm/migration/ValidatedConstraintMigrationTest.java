package dev.flywayzdm.migration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.flywayzdm.config.ZdmSettings;
import dev.flywayzdm.internal.constraint.ExistingRowsViolateException;
import dev.flywayzdm.testsupport.PostgresTest;
import dev.flywayzdm.testsupport.TestDatabase;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.configuration.FluentConfiguration;
import org.junit.jupiter.api.Test;

@PostgresTest
class ValidatedConstraintMigrationTest {

  static final ZdmSettings SETTINGS = DualWriteMigrationTest.FAST_RETRY;
  static final Duration WRITE_BOUND = DualWriteMigrationTest.WRITE_BOUND;
  static final int ROWS = 200_000;

  /** A migration for one constraint, named like a user's. */
  abstract static class Adds extends ValidatedConstraintMigration {
    @Override
    protected ZdmSettings settings(ZdmSettings projectDefaults) {
      return SETTINGS;
    }
  }

  static final class V1__orders_amount_positive extends Adds {
    @Override
    protected ValidatedConstraint constraint() {
      return ValidatedConstraint.check("orders", "orders_amount_positive", "slow_positive(id, amount)");
    }
  }

  @Test
  void checkIsValidatedWhileWritersKeepWriting(TestDatabase db) throws Exception {
    // The function sleeps on every 1000th row, so the validation scan lasts seconds: long enough to
    // see whether writes go on during it, and to fail the write bound if the scan blocked them.
    db.execute("CREATE FUNCTION slow_positive(id bigint, amount int) RETURNS boolean IMMUTABLE LANGUAGE plpgsql AS $$"
        + " BEGIN IF id % 1000 = 0 THEN PERFORM pg_sleep(0.02); END IF; RETURN amount > 0; END $$");
    createOrders(db, "orders");
    AtomicLong validateSeenFrom = new AtomicLong();
    AtomicLong validateSeenTo = new AtomicLong();
    try (AppWriters writers = AppWriters.start(db, "app", 2, (c, random) -> writeOrder(c, random, "orders"))) {
      writers.awaitWrites(50);
      CompletableFuture<Void> watcher = watch(db, "%VALIDATE CONSTRAINT%", validateSeenFrom, validateSeenTo);

      TestFlyway.sessionLock(db, new V1__orders_amount_positive()).migrate();
      watcher.get(30, TimeUnit.SECONDS);
      writers.awaitWrites(50);

      assertThat(validateSeenTo.get() - validateSeenFrom.get()).as("VALIDATE seen running for a while").isGreaterThan(TimeUnit.MILLISECONDS.toNanos(500));
      assertThat(writers.writesFinishedBetween(validateSeenFrom.get(), validateSeenTo.get()))
          .as("writes that finished while VALIDATE was scanning").isGreaterThan(5);
      assertThat(writers.failures()).extracting(Throwable::getMessage).isEmpty();
      assertThat(writers.longestWrite()).isLessThan(WRITE_BOUND);
    }
    assertThat(db.queryValue("SELECT convalidated FROM pg_constraint WHERE conname = 'orders_amount_positive'")).isEqualTo(true);
  }

  static final class V1__invoices_amount_positive extends Adds {
    @Override
    protected ValidatedConstraint constraint() {
      return ValidatedConstraint.check("invoices", "invoices_amount_positive", "amount > 0");
    }
  }

  @Test
  void checkViolatedByExistingRowsFailsWithCountAndKeysAndStaysEnforcedOnNewWrites(TestDatabase db) throws Exception {
    createOrders(db, "invoices");
    db.execute("UPDATE invoices SET amount = -1 WHERE id IN (7, 70, 700, 7000, 70000, 123456)");
    FluentConfiguration flyway = TestFlyway.sessionLockConfiguration(db, new V1__invoices_amount_positive());

    assertThatThrownBy(() -> flyway.load().migrate())
        .satisfies(e -> assertThat((Throwable) cause(e, ExistingRowsViolateException.class))
        .hasMessageContaining("V1__invoices_amount_positive: check \"invoices_amount_positive\" on \"invoices\" cannot be validated")
        .hasMessageContaining("6 rows violate it, e.g. (id)=(7), (id)=(70), (id)=(700), (id)=(7000), (id)=(70000)")
        .hasMessageContaining("stays in place NOT VALID")
        .satisfies(violation -> assertThat(((ExistingRowsViolateException) violation).violatingRows()).isEqualTo(6)));

    assertThat(db.queryValue("SELECT convalidated FROM pg_constraint WHERE conname = 'invoices_amount_positive'")).isEqualTo(false);
    assertThatThrownBy(() -> db.execute("INSERT INTO invoices (amount, customer_id) VALUES (0, 1)"))
        .as("new writes are checked already").isInstanceOf(SQLException.class)
        .satisfies(e -> assertThat(((SQLException) e).getSQLState()).isEqualTo("23514"));

    db.execute("UPDATE invoices SET amount = 1 WHERE amount <= 0");
    Flyway rerun = flyway.load();
    rerun.repair();
    rerun.migrate();
    assertThat(db.queryValue("SELECT convalidated FROM pg_constraint WHERE conname = 'invoices_amount_positive'")).isEqualTo(true);
  }

  static final class V1__lines_customer_fk extends Adds {
    @Override
    protected ValidatedConstraint constraint() {
      return ValidatedConstraint.foreignKey("lines", "lines_customer_fk", "customer_id").references("customers", "id");
    }
  }

  @Test
  void foreignKeyBuildsItsSupportingIndexConcurrentlyAndReportsOrphans(TestDatabase db) throws Exception {
    db.execute("CREATE TABLE customers (id bigint PRIMARY KEY)");
    db.execute("INSERT INTO customers SELECT generate_series(1, 1000)");
    createOrders(db, "lines");
    db.execute("UPDATE lines SET customer_id = 5000 + id WHERE id IN (11, 22)");
    FluentConfiguration flyway = TestFlyway.sessionLockConfiguration(db, new V1__lines_customer_fk());

    try (AppWriters writers = AppWriters.start(db, "app", 2, (c, random) -> writeOrder(c, random, "lines"))) {
      writers.awaitWrites(50);
      assertThatThrownBy(() -> flyway.load().migrate())
          .satisfies(e -> assertThat((Throwable) cause(e, ExistingRowsViolateException.class))
          .hasMessageContaining("foreign key \"lines_customer_fk\" on \"lines\" -> \"customers\" cannot be validated")
          .hasMessageContaining("2 rows violate it, e.g. (id)=(11), (id)=(22)"));
      writers.awaitWrites(50);
      assertThat(writers.failures()).extracting(Throwable::getMessage).isEmpty();
      assertThat(writers.longestWrite()).isLessThan(WRITE_BOUND);
    }
    assertThat(db.queryValue("SELECT indisvalid FROM pg_index WHERE indexrelid = to_regclass('lines_customer_id_idx')"))
        .as("supporting index built concurrently before the key").isEqualTo(true);
    assertThatThrownBy(() -> db.execute("INSERT INTO lines (amount, customer_id) VALUES (1, 999999)"))
        .satisfies(e -> assertThat(((SQLException) e).getSQLState()).isEqualTo("23503"));

    db.execute("DELETE FROM lines WHERE id IN (11, 22)");
    Flyway rerun = flyway.load();
    rerun.repair();
    rerun.migrate();
    assertThat(db.queryValue("SELECT convalidated FROM pg_constraint WHERE conname = 'lines_customer_fk'")).isEqualTo(true);
    assertThat(db.queryLong("SELECT count(*) FROM pg_index WHERE indrelid = 'lines'::regclass")).as("pkey + one supporting index").isEqualTo(2);
  }

  static final class V1__items_parent_fk_no_index extends Adds {
    @Override
    protected ValidatedConstraint constraint() {
      return ValidatedConstraint.foreignKey("items", "items_parent_fk", "parent_id").references("items", "id")
          .onDelete(ValidatedConstraint.ReferentialAction.CASCADE).withoutSupportingIndex();
    }
  }

  static final class V2__items_owner_fk extends Adds {
    @Override
    protected ValidatedConstraint constraint() {
      return ValidatedConstraint.foreignKey("items", "items_owner_fk", "owner_id").references("items", "id");
    }
  }

  @Test
  void foreignKeyUsesAnExistingLeadingIndexOrNoneWhenTurnedOff(TestDatabase db) throws Exception {
    db.execute("CREATE TABLE items (id int PRIMARY KEY, parent_id int, owner_id int, kind text)");
    db.execute("INSERT INTO items SELECT g, NULLIF(g - 1, 0), 1, 'k' FROM generate_series(1, 2000) g");
    db.execute("CREATE INDEX items_owner_kind ON items (owner_id, kind)");

    TestFlyway.sessionLock(db, new V1__items_parent_fk_no_index(), new V2__items_owner_fk()).migrate();

    assertThat(db.queryLong("SELECT count(*) FROM pg_index WHERE indrelid = 'items'::regclass")).as("pkey + the user's index only").isEqualTo(2);
    assertThat(db.queryValue("SELECT confdeltype FROM pg_constraint WHERE conname = 'items_parent_fk'").toString()).isEqualTo("c");
    assertThat(db.queryLong("SELECT count(*) FROM pg_constraint WHERE conrelid = 'items'::regclass AND contype = 'f' AND convalidated")).isEqualTo(2);
  }

  @Test
  void foreignKeyNeedingAnIndexFailsFastUnderFlywaysTransactionalLock(TestDatabase db) throws Exception {
    db.execute("CREATE TABLE customers2 (id bigint PRIMARY KEY)");
    db.execute("CREATE TABLE lines2 (id bigint PRIMARY KEY, customer_id bigint)");

    assertThatThrownBy(() -> TestFlyway.transactionalLock(db, new V1__lines2_fk()).migrate())
        .rootCause().hasMessageContaining("V1__lines2_fk").hasMessageContaining("flyway.postgresql.transactional.lock=false");
    assertThat(db.queryLong("SELECT count(*) FROM pg_constraint WHERE conname = 'lines2_fk'")).as("nothing added").isZero();
  }

  static final class V1__lines2_fk extends ValidatedConstraintMigration {
    @Override
    protected ValidatedConstraint constraint() {
      return ValidatedConstraint.foreignKey("lines2", "lines2_fk", "customer_id").references("customers2", "id");
    }
  }

  static final class V1__shipments_customer_not_null extends Adds {
    @Override
    protected ValidatedConstraint constraint() {
      return ValidatedConstraint.notNull("shipments", "customer_id");
    }
  }

  @Test
  void notNullGoesThroughAValidatedCheckWhileWritersKeepWriting(TestDatabase db) throws Exception {
    createOrders(db, "shipments");
    try (AppWriters writers = AppWriters.start(db, "app", 2, (c, random) -> writeOrder(c, random, "shipments"))) {
      writers.awaitWrites(50);

      TestFlyway.sessionLock(db, new V1__shipments_customer_not_null()).migrate();
      writers.awaitWrites(50);

      assertThat(writers.failures()).extracting(Throwable::getMessage).isEmpty();
      assertThat(writers.longestWrite()).isLessThan(WRITE_BOUND);
    }
    assertThat(db.queryValue("SELECT attnotnull FROM pg_attribute WHERE attrelid = 'shipments'::regclass AND attname = 'customer_id'")).isEqualTo(true);
    assertThat(db.queryLong("SELECT count(*) FROM pg_constraint WHERE conrelid = 'shipments'::regclass AND contype = 'c'"))
        .as("helper check dropped").isZero();
  }

  static final class V1__parcels_customer_not_null extends Adds {
    @Override
    protected ValidatedConstraint constraint() {
      return ValidatedConstraint.notNull("parcels", "customer_id");
    }
  }

  @Test
  void notNullContinuesWhereAnEarlierRunStopped(TestDatabase db) throws Exception {
    createOrders(db, "parcels");
    // Killed after step 1: the helper check exists NOT VALID.
    db.execute("ALTER TABLE parcels ADD CONSTRAINT zdm_not_null_customer_id CHECK (customer_id IS NOT NULL) NOT VALID");
    TestFlyway.sessionLock(db, new V1__parcels_customer_not_null()).migrate();
    assertThat(db.queryValue("SELECT attnotnull FROM pg_attribute WHERE attrelid = 'parcels'::regclass AND attname = 'customer_id'")).isEqualTo(true);
    assertThat(db.queryLong("SELECT count(*) FROM pg_constraint WHERE conrelid = 'parcels'::regclass AND contype = 'c'")).isZero();

    // Column already NOT NULL but a helper left behind (e.g. by a hand-run sequence): only the helper goes.
    db.execute("ALTER TABLE parcels ADD CONSTRAINT zdm_not_null_customer_id CHECK (customer_id IS NOT NULL)");
    TestFlyway.sessionLock(db, new V1__parcels_customer_not_null()).migrate();
    assertThat(db.queryLong("SELECT count(*) FROM pg_constraint WHERE conrelid = 'parcels'::regclass AND contype = 'c'")).isZero();
  }

  @Test
  void notNullKilledDuringValidationCompletesOnRerun(TestDatabase db) throws Exception {
    db.execute("CREATE TABLE crates (id bigint PRIMARY KEY, customer_id bigint)");
    db.execute("INSERT INTO crates SELECT g, g FROM generate_series(1, " + ROWS + ") g");
    // An event trigger stalls the VALIDATE statement (only that one) so it can be terminated mid-way.
    db.execute("CREATE FUNCTION stall_validate() RETURNS event_trigger LANGUAGE plpgsql AS $$ BEGIN"
        + " IF current_query() LIKE '%VALIDATE CONSTRAINT%' THEN PERFORM pg_sleep(20); END IF; END $$");
    db.execute("CREATE EVENT TRIGGER stall_validate ON ddl_command_end WHEN TAG IN ('ALTER TABLE') EXECUTE FUNCTION stall_validate()");
    FluentConfiguration flyway = TestFlyway.sessionLockConfiguration(db, new V1__crates_not_null());
    try {
      CompletableFuture<Long> killer = CompletableFuture.supplyAsync(() -> DualWriteMigrationTest.terminateWhenRunning(db, "%VALIDATE CONSTRAINT%"));
      assertThatThrownBy(() -> flyway.load().migrate()).isNotNull();
      assertThat(killer.get(60, TimeUnit.SECONDS)).isEqualTo(1);
    } finally {
      db.execute("DROP EVENT TRIGGER stall_validate");
    }
    assertThat(db.queryValue("SELECT convalidated FROM pg_constraint WHERE conname = 'zdm_not_null_customer_id' AND conrelid = 'crates'::regclass"))
        .as("killed with the helper check NOT VALID").isEqualTo(false);

    Flyway rerun = flyway.load();
    rerun.repair();
    rerun.migrate();

    assertThat(db.queryValue("SELECT attnotnull FROM pg_attribute WHERE attrelid = 'crates'::regclass AND attname = 'customer_id'")).isEqualTo(true);
    assertThat(db.queryLong("SELECT count(*) FROM pg_constraint WHERE conrelid = 'crates'::regclass AND contype = 'c'")).isZero();
  }

  static final class V1__crates_not_null extends Adds {
    @Override
    protected ValidatedConstraint constraint() {
      return ValidatedConstraint.notNull("crates", "customer_id");
    }
  }

  static final class V1__accounts_email_key extends Adds {
    @Override
    protected ValidatedConstraint constraint() {
      return ValidatedConstraint.unique("accounts", "accounts_email_key", "email");
    }
  }

  @Test
  void uniqueKeyIsBuiltConcurrentlyAndAttachedUsingTheIndexWhileWritersKeepWriting(TestDatabase db) throws Exception {
    db.execute("CREATE TABLE accounts (id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY, email text)");
    db.execute("INSERT INTO accounts (email) SELECT 'u' || g || '@example.com' FROM generate_series(1, " + ROWS + ") g");
    try (AppWriters writers = AppWriters.start(db, "app", 2, (c, random) -> {
      try (PreparedStatement statement = c.prepareStatement("INSERT INTO accounts (email) VALUES (gen_random_uuid()::text)")) {
        statement.executeUpdate();
      }
    })) {
      writers.awaitWrites(50);
      TestFlyway.sessionLock(db, new V1__accounts_email_key()).migrate();
      writers.awaitWrites(50);
      assertThat(writers.failures()).extracting(Throwable::getMessage).isEmpty();
      assertThat(writers.longestWrite()).isLessThan(WRITE_BOUND);
    }
    assertThat(db.queryValue("SELECT contype::text FROM pg_constraint WHERE conname = 'accounts_email_key'")).isEqualTo("u");
    assertThatThrownBy(() -> db.execute("INSERT INTO accounts (email) VALUES ('u1@example.com')"))
        .satisfies(e -> assertThat(((SQLException) e).getSQLState()).isEqualTo("23505"));
    TestFlyway.sessionLock(db, new V1__accounts_email_key()).migrate(); // rerun on a fresh history: nothing to do
  }

  static final class V1__events_pkey extends Adds {
    @Override
    protected ValidatedConstraint constraint() {
      return ValidatedConstraint.primaryKey("events", "events_pkey", "id");
    }
  }

  @Test
  void primaryKeyMakesItsColumnNotNullFirstThenAttachesTheIndex(TestDatabase db) throws Exception {
    db.execute("CREATE TABLE events (id bigint, payload text)");
    db.execute("INSERT INTO events SELECT g, 'p' FROM generate_series(1, 20000) g");

    TestFlyway.sessionLock(db, new V1__events_pkey()).migrate();

    assertThat(db.queryValue("SELECT contype::text FROM pg_constraint WHERE conname = 'events_pkey'")).isEqualTo("p");
    assertThat(db.queryValue("SELECT attnotnull FROM pg_attribute WHERE attrelid = 'events'::regclass AND attname = 'id'")).isEqualTo(true);
    assertThat(db.queryLong("SELECT count(*) FROM pg_constraint WHERE conrelid = 'events'::regclass AND contype = 'c'")).isZero();
  }

  static <T extends Throwable> T cause(Throwable thrown, Class<T> type) {
    for (Throwable t = thrown; t != null; t = t.getCause()) {
      if (type.isInstance(t)) {
        return type.cast(t);
      }
    }
    throw new AssertionError("no " + type.getSimpleName() + " among the causes of " + thrown, thrown);
  }

  static void createOrders(TestDatabase db, String table) throws SQLException {
    db.execute("CREATE TABLE " + table + " (id bigint GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY, amount int, customer_id bigint)");
    db.execute("INSERT INTO " + table + " (amount, customer_id) SELECT 1 + g % 100, 1 + g % 1000 FROM generate_series(1, " + ROWS + ") g");
    db.execute("SELECT setval(pg_get_serial_sequence('" + table + "', 'id'), " + ROWS + ")");
  }

  static void writeOrder(Connection connection, ThreadLocalRandom random, String table) throws SQLException {
    String sql = random.nextBoolean()
        ? "INSERT INTO " + table + " (amount, customer_id) VALUES (" + (1 + random.nextInt(100)) + ", " + (1 + random.nextInt(1000)) + ")"
        : "UPDATE " + table + " SET amount = " + (1 + random.nextInt(100)) + " WHERE id = " + (1 + random.nextInt(ROWS));
    try (PreparedStatement statement = connection.prepareStatement(sql)) {
      statement.executeUpdate();
    }
  }

  /** Polls pg_stat_activity (bounded) and records when a query like {@code pattern} was first and last seen active. */
  static CompletableFuture<Void> watch(TestDatabase db, String pattern, AtomicLong from, AtomicLong to) {
    AtomicBoolean seen = new AtomicBoolean();
    return CompletableFuture.runAsync(() -> {
      try (Connection connection = db.connect();
          PreparedStatement statement = connection.prepareStatement("SELECT count(*) FROM pg_stat_activity"
              + " WHERE datname = current_database() AND state = 'active' AND pid <> pg_backend_pid() AND query LIKE ?")) {
        statement.setString(1, pattern);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (System.nanoTime() < deadline) {
          boolean active;
          try (ResultSet rows = statement.executeQuery()) {
            rows.next();
            active = rows.getLong(1) > 0;
          }
          long now = System.nanoTime();
          if (active) {
            if (seen.compareAndSet(false, true)) {
              from.set(now);
            }
            to.set(now);
          } else if (seen.get()) {
            return;
          }
          Thread.sleep(5);
        }
      } catch (Exception e) {
        throw new IllegalStateException(e);
      }
    });
  }
}
