package dev.flywayzdm.internal.pg;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class FlywayLockModeTest {

  @Test
  void theFixNamesTheMigrationTheSettingAndWhereEachWayOfRunningFlywayTakesIt() {
    String fix = FlywayLockMode.fixFor("V3__index_orders");

    assertThat(fix)
        .startsWith("V3__index_orders builds an index or validates a constraint without a transaction")
        .contains("Set flyway.postgresql.transactional.lock=false")
        .contains("FLYWAY_POSTGRESQL_TRANSACTIONAL_LOCK=false")
        .as("the form the flyway-maven-plugin hands to Flyway (proven by the flyway-plugin-migrate IT)")
        .contains("<properties><flyway.postgresql.transactional.lock>false</flyway.postgresql.transactional.lock>"
            + "</properties>")
        .contains("-Dzdm.transactionalLock=false")
        .contains("spring.flyway.postgresql.transactional-lock=false");
  }

  @Test
  void theFixNeverRecommendsPluginConfigurationWhichFlyway11DoesNotApply() {
    assertThat(FlywayLockMode.fixFor("V3__index_orders"))
        .doesNotContain("<pluginConfiguration><postgresql.transactional.lock>")
        .contains("not <pluginConfiguration>");
  }
}
