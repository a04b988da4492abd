package dev.flywayzdm.callback;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.flywayzdm.config.ZdmConfigurationExtension;
import dev.flywayzdm.config.ZdmSettings;
import dev.flywayzdm.migration.Contract;
import dev.flywayzdm.migration.DualWrite;
import dev.flywayzdm.migration.DualWriteContractMigration;
import dev.flywayzdm.migration.DualWriteExpandMigration;
import dev.flywayzdm.migration.MigrationRun;
import dev.flywayzdm.migration.ZeroDowntimeMigration;
import dev.flywayzdm.testsupport.PostgresTest;
import dev.flywayzdm.testsupport.TestDatabase;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.callback.Callback;
import org.flywaydb.core.api.callback.Context;
import org.flywaydb.core.api.callback.Event;
import org.flywaydb.core.api.configuration.FluentConfiguration;
import org.junit.jupiter.api.Test;

/**
 * Regression for issue 12.1: a flyway-zdm Java contract dropped its column at once, logging nothing,
 * when the callback was not registered (plain Flyway, or the callback replaced by a later
 * {@code callbacks(...)}). It now checks its soak gate itself. And a contract may run in the same
 * {@code migrate} as its non-transactional expand when the soak is 0 (it was refused with "0s to go":
 * {@code installed_on + execution_time} of a non-transactional migration lies in the future).
 */
@PostgresTest
class JavaContractGateTest {

  /** A non-transactional expand that takes a while, like a concurrent index build or a backfill. */
  static final class V1__create_users extends ZeroDowntimeMigration {
    @Override
    protected void apply(MigrationRun run) throws SQLException {
      run.ddl("creating users", "users", "CREATE TABLE users (id bigint PRIMARY KEY, name text, display_name text)");
      try (Statement statement = run.connection().createStatement()) {
        statement.execute("SELECT pg_sleep(1.5)");
      }
    }
  }

  @Contract(expand = "1")
  static final class V2__drop_users_name extends ZeroDowntimeMigration {
    @Override
    protected void apply(MigrationRun run) throws SQLException {
      run.ddl("dropping users.name", "users", "ALTER TABLE users DROP COLUMN name");
    }
  }

  static final DualWrite ACCOUNTS = DualWrite.table("accounts").from("owner").to("owner_name");

  static final class V1__expand_accounts_owner extends DualWriteExpandMigration {
    @Override
    protected DualWrite dualWrite() {
      return ACCOUNTS;
    }
  }

  @Contract(expand = "1")
  static final class V2__contract_accounts_owner extends DualWriteContractMigration {
    @Override
    protected DualWrite dualWrite() {
      return ACCOUNTS;
    }
  }

  /** Another project's callback, registered after flyway-zdm's and replacing it. */
  static final class AuditCallback implements Callback {
    @Override
    public boolean supports(Event event, Context context) {
      return false;
    }

    @Override
    public boolean canHandleInTransaction(Event event, Context context) {
      return true;
    }

    @Override
    public void handle(Event event, Context context) {
      // records nothing in this test
    }

    @Override
    public String getCallbackName() {
      return "audit";
    }
  }

  private static FluentConfiguration plainFlyway(TestDatabase db, String schema, ZdmSettings settings,
      org.flywaydb.core.api.migration.JavaMigration... migrations) {
    FluentConfiguration configuration = Flyway.configure().dataSource(db.dataSource()).schemas(schema)
        .locations("classpath:dev/flywayzdm/callback/none").javaMigrations(migrations)
        .baselineOnMigrate(true).baselineVersion("0");
    ZdmConfigurationExtension.in(configuration).apply(settings);
    return TestFlyway.withSessionLock(configuration);
  }

  @Test
  void shouldRefuseJavaContractWhenNoCallbackIsRegistered(TestDatabase db) throws Exception {
    Flyway flyway = plainFlyway(db, "jc_none", ZdmSettings.defaults(), new V1__create_users(), new V2__drop_users_name()).load();

    assertThatThrownBy(flyway::migrate)
        .rootCause().isInstanceOf(MigrationRefusedException.class)
        .hasMessageContaining("V2__drop_users_name must wait: expand migration 1 (" + V1__create_users.class.getName() + ")")
        .hasMessageContaining("soak 1d")
        .hasMessageContaining("The flyway-zdm callback is not registered on this Flyway")
        .hasMessageContaining("register dev.flywayzdm.callback.ZeroDowntimeCallback");
    assertThat(columnExists(db, "jc_none", "users", "name")).as("the old release's column is still there").isTrue();
  }

  @Test
  void shouldRefuseJavaContractWhenALaterCallbacksCallReplacedTheCallback(TestDatabase db) throws Exception {
    Flyway flyway = plainFlyway(db, "jc_replaced", ZdmSettings.defaults(), new V1__create_users(), new V2__drop_users_name())
        .callbacks(new ZeroDowntimeCallback())
        .callbacks(new AuditCallback())
        .load();

    assertThatThrownBy(flyway::migrate)
        .rootCause().isInstanceOf(MigrationRefusedException.class)
        .hasMessageContaining("V2__drop_users_name must wait")
        .hasMessageContaining("callback is not registered");
    assertThat(columnExists(db, "jc_replaced", "users", "name")).isTrue();
  }

  @Test
  void shouldRefuseDualWriteContractWithoutCallbackUntilItsExpandHasSoaked(TestDatabase db) throws Exception {
    db.execute("CREATE SCHEMA jc_dual");
    db.execute("CREATE TABLE jc_dual.accounts (id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY, owner text)");
    db.execute("INSERT INTO jc_dual.accounts (owner) SELECT 'owner ' || g FROM generate_series(1, 100) g");
    Flyway flyway = plainFlyway(db, "jc_dual", ZdmSettings.builder().soak(Duration.ofHours(1)).build(),
        new V1__expand_accounts_owner(), new V2__contract_accounts_owner()).load();

    assertThatThrownBy(flyway::migrate)
        .rootCause().isInstanceOf(MigrationRefusedException.class)
        .hasMessageContaining("V2__contract_accounts_owner must wait")
        .hasMessageContaining("soak 1h")
        .hasMessageContaining("Nothing of V2__contract_accounts_owner ran; if Flyway recorded this attempt as failed,"
            + " remove that row (flyway repair) before the next migrate");
    assertThat(columnExists(db, "jc_dual", "accounts", "owner")).isTrue();
    assertThat(db.queryLong("SELECT count(*) FROM pg_trigger WHERE tgrelid = 'jc_dual.accounts'::regclass AND NOT tgisinternal"))
        .as("the dual-write trigger still keeps both columns in sync").isEqualTo(1);

    // Once the expand has been live for longer than the soak (no record without the callback: the
    // conservative reading of installed_on counts, 12 hours later), the contract runs, callback or not.
    // Without the callback nothing removes the failed row Flyway's session lock left: repair, as the refusal says.
    flyway.repair();
    db.execute("UPDATE jc_dual.flyway_schema_history SET installed_on = installed_on - interval '14 hours' WHERE version = '1'");
    assertThat(flyway.migrate().migrationsExecuted).isEqualTo(1);
    assertThat(columnExists(db, "jc_dual", "accounts", "owner")).isFalse();
  }

  @Test
  void soakZeroLetsTheContractRunInTheSameMigrateAsItsNonTransactionalExpand(TestDatabase db) throws Exception {
    Flyway flyway = plainFlyway(db, "jc_zero", ZdmSettings.builder().soak(Duration.ZERO).build(),
        new V1__create_users(), new V2__drop_users_name()).callbacks(new ZeroDowntimeCallback()).load();

    assertThat(flyway.migrate().migrationsExecuted).isEqualTo(2);
    assertThat(columnExists(db, "jc_zero", "users", "name")).isFalse();
    assertThat(db.queryLong("SELECT count(*) FROM jc_zero.flyway_zdm_applied a JOIN jc_zero.flyway_schema_history h"
        + " USING (installed_rank, version, script) WHERE h.success AND a.finished_at <= now()"))
        .as("each non-transactional migration's record names the rank of the history row Flyway inserted after it")
        .isEqualTo(2);
  }

  @Test
  void soakZeroLetsAJavaContractRunRightAfterItsNonTransactionalExpandWithoutTheCallbackToo(
      TestDatabase db) throws Exception {
    Flyway flyway = plainFlyway(db, "jc_zero_plain", ZdmSettings.builder().soak(Duration.ZERO).build(),
        new V1__create_users(), new V2__drop_users_name()).load();

    assertThat(flyway.migrate().migrationsExecuted).as("without the callback: no record, soak 0 still lets it run")
        .isEqualTo(2);
    assertThat(columnExists(db, "jc_zero_plain", "users", "name")).isFalse();
  }

  @Test
  void shouldRecogniseTheCallbackHoweverItIsRegistered() {
    assertThat(ZeroDowntimeCallback.isRegistered(Flyway.configure().callbacks(new ZeroDowntimeCallback()))).isTrue();
    assertThat(ZeroDowntimeCallback.isRegistered(Flyway.configure().callbacks(ZeroDowntimeCallback.forSpring())))
        .as("the Spring proxy").isTrue();
    assertThat(ZeroDowntimeCallback.isRegistered(Flyway.configure().callbacks(new ZeroDowntimeCallback() {})))
        .as("a subclass").isTrue();
    assertThat(ZeroDowntimeCallback.isRegistered(Flyway.configure())).isFalse();
    assertThat(ZeroDowntimeCallback.isRegistered(
        Flyway.configure().callbacks(new ZeroDowntimeCallback()).callbacks(new AuditCallback()))).as("replaced").isFalse();
  }

  private static boolean columnExists(TestDatabase db, String schema, String table, String column) throws Exception {
    return db.queryLong("SELECT count(*) FROM information_schema.columns WHERE table_schema = '" + schema
        + "' AND table_name = '" + table + "' AND column_name = '" + column + "'") == 1;
  }
}
