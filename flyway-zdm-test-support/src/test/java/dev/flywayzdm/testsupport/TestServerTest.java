package dev.flywayzdm.testsupport;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

@PostgresTest
class TestServerTest {

  @Test
  void serverIsTheRequestedMajor(TestDatabase db) throws Exception {
    int versionNum = db.serverVersionNum();

    assertThat(versionNum / 10000).as("flyway-zdm supports PostgreSQL 13 to 18").isBetween(13, 18);
    db.server().expectedMajor().ifPresent(major ->
        assertThat(versionNum / 10000).as("server_version_num of %s", db).isEqualTo(major));
  }

  @Test
  void eachClassGetsAFreshDatabase(TestDatabase db) throws Exception {
    assertThat(db.queryValue("SELECT current_database()")).isEqualTo(db.name());
    assertThat(db.queryLong("SELECT count(*) FROM pg_tables WHERE schemaname = 'public'"))
        .as("a new database holds no tables of earlier tests").isZero();
  }

  @Nested
  class NestedClasses {
    @Test
    void shareTheDatabaseOfTheirEnclosingClass(TestDatabase db) throws Exception {
      assertThat(db.name()).startsWith("zdm_testservertest_");
    }
  }
}
