package dev.flywayzdm.callback;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.flywayzdm.config.ZdmSettings;
import dev.flywayzdm.testsupport.PostgresTest;
import dev.flywayzdm.testsupport.TestDatabase;
import org.junit.jupiter.api.Test;

/** Destructive SQL runs only in a declared contract step or with a reasoned allow directive. */
@PostgresTest
class DestructiveStatementGateTest {

  @Test
  void refusesADropColumnOutsideAContract(TestDatabase db) throws Exception {
    // V1 applied by an earlier run: t exists in this database, the running application uses it
    TestFlyway.configure(db.dataSource(), "destructive", "destructive", ZdmSettings.defaults()).target("1").load().migrate();

    assertThatThrownBy(() -> TestFlyway.configure(db.dataSource(), "destructive", "destructive", ZdmSettings.defaults()).load().migrate())
        .hasRootCauseInstanceOf(MigrationRefusedException.class)
        .hasMessageContaining("V2__drop_b: DROP COLUMN outside a declared contract step: \"ALTER TABLE t DROP COLUMN b;\"")
        .hasMessageContaining("-- zdm:allow destructive <reason>");

    assertThat(db.queryLong("SELECT count(*) FROM information_schema.columns WHERE table_schema = 'destructive'"
        + " AND table_name = 't' AND column_name IN ('b', 'c')")).as("V2 rolled back as a whole").isEqualTo(1);
  }

  @Test
  void seesADropColumnInsideADoBlock(TestDatabase db) throws Exception {
    TestFlyway.configure(db.dataSource(), "destructive_do", "destructive_do", ZdmSettings.defaults()).target("1").load().migrate();

    assertThatThrownBy(() -> TestFlyway.configure(db.dataSource(), "destructive_do", "destructive_do", ZdmSettings.defaults()).load().migrate())
        .hasRootCauseInstanceOf(MigrationRefusedException.class)
        .hasMessageContaining("V2__drop_b_if_present: DROP COLUMN outside a declared contract step: \"DO $$ BEGIN IF EXISTS");

    assertThat(db.queryLong("SELECT count(*) FROM information_schema.columns WHERE table_schema = 'destructive_do'"
        + " AND table_name = 't' AND column_name = 'b'")).as("the DO block never ran").isEqualTo(1);
  }

  @Test
  void runsItWithAReasonedAllowDirective(TestDatabase db) throws Exception {
    TestFlyway.configure(db.dataSource(), "allowed", "destructive_allowed", ZdmSettings.defaults()).load().migrate();

    assertThat(db.queryLong("SELECT count(*) FROM information_schema.columns WHERE table_schema = 'allowed'"
        + " AND table_name = 't' AND column_name = 'b'")).isZero();
  }

  @Test
  void aPendingConcurrentIndexUnderFlywaysTransactionalLockFailsBeforeAnythingRuns(TestDatabase db) throws Exception {
    assertThatThrownBy(() -> TestFlyway.configure(db.dataSource(), "lockmode", "lockmode", ZdmSettings.defaults()).load().migrate())
        .hasRootCauseInstanceOf(MigrationRefusedException.class)
        .hasMessageContaining("V2__index")
        .hasMessageContaining("flyway.postgresql.transactional.lock=false")
        .hasMessageContaining("Nothing was migrated");

    assertThat(db.queryLong("SELECT count(*) FROM pg_tables WHERE schemaname = 'lockmode' AND tablename = 'indexed'"))
        .as("V1 did not run either").isZero();
  }
}
