package dev.flywayzdm.migration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.flywayzdm.testsupport.PostgresTest;
import dev.flywayzdm.testsupport.TestDatabase;
import org.flywaydb.core.api.configuration.FluentConfiguration;
import org.junit.jupiter.api.Test;

/** A contract must describe the dual write its expand installed: else it could verify and drop the wrong column. */
@PostgresTest
class DualWriteAgreementTest {

  static final class V1__expand_agree_w extends DualWriteExpandMigration {
    @Override
    protected DualWrite dualWrite() {
      return DualWrite.table("agree").from("v").to("w");
    }
  }

  @Contract(expand = "1")
  static final class V2__contract_agree_x extends DualWriteContractMigration {
    @Override
    protected DualWrite dualWrite() {
      return DualWrite.table("agree").from("v").to("x");
    }
  }

  static final DualWrite SHARED = DualWrite.table("agreed").from("v").to("w");

  static final class V1__expand_agreed extends DualWriteExpandMigration {
    @Override
    protected DualWrite dualWrite() {
      return SHARED;
    }
  }

  @Contract(expand = "1")
  static final class V2__contract_agreed extends DualWriteContractMigration {
    @Override
    protected DualWrite dualWrite() {
      return SHARED;
    }
  }

  @Test
  void shouldRefuseAContractWhoseDualWriteDiffersFromItsExpandNamingBoth(TestDatabase db) throws Exception {
    // Given an expand of agree.v -> w, and a column x the contract's description names by mistake
    db.execute("CREATE TABLE agree (id int PRIMARY KEY, v text, x text)");
    db.execute("INSERT INTO agree SELECT g, 'v' || g, 'v' || g FROM generate_series(1, 100) g");
    FluentConfiguration flyway = TestFlyway.sessionLockConfiguration(db, new V1__expand_agree_w(), new V2__contract_agree_x());
    flyway.target("1").load().migrate();

    // When / Then
    assertThatThrownBy(() -> flyway.target("2").load().migrate())
        .rootCause()
        .hasMessageContaining("V2__contract_agree_x: its DualWrite (table \"agree\", \"v\" -> \"x\"")
        .hasMessageContaining("differs from the one of the expand migration V1__expand_agree_w (table \"agree\", \"v\" -> \"w\"")
        .hasMessageContaining("Nothing was changed");
    assertThat(db.queryLong("SELECT count(*) FROM information_schema.columns WHERE table_name = 'agree'"))
        .as("the old column and both new ones stay").isEqualTo(4);
    assertThat(db.queryLong("SELECT count(*) FROM pg_trigger WHERE tgrelid = 'agree'::regclass AND NOT tgisinternal"))
        .as("the expand's trigger stays").isEqualTo(1);
  }

  @Test
  void shouldRunAContractWhoseDualWriteIsTheExpands(TestDatabase db) throws Exception {
    db.execute("CREATE TABLE agreed (id int PRIMARY KEY, v text)");
    db.execute("INSERT INTO agreed SELECT g, 'v' || g FROM generate_series(1, 100) g");
    FluentConfiguration flyway = TestFlyway.sessionLockConfiguration(db, new V1__expand_agreed(), new V2__contract_agreed());

    flyway.target("1").load().migrate();
    flyway.target("2").load().migrate();

    assertThat(db.queryLong("SELECT count(*) FROM information_schema.columns WHERE table_name = 'agreed' AND column_name = 'v'"))
        .as("the old column is dropped").isZero();
  }
}
