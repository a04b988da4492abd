package dev.flywayzdm.sample;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.flywayzdm.callback.MigrationRefusedException;
import dev.flywayzdm.config.ZdmSettings;
import dev.flywayzdm.sample.app.AppVersion;
import dev.flywayzdm.sample.app.Releases;
import dev.flywayzdm.testsupport.PostgresTest;
import dev.flywayzdm.testsupport.TestDatabase;
import java.time.Duration;
import java.util.Arrays;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.callback.Callback;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.boot.Banner;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/** The sample service starts the way its users' services do: Spring Boot, application.yml, flyway-zdm beans. */
@PostgresTest
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SampleServiceTest {

  @Test
  @Order(1)
  void migratesAtStartupThroughTheCallbackWithTheSettingsOfApplicationYml(TestDatabase db) throws Exception {
    try (ConfigurableApplicationContext service = start(db, "--spring.flyway.target=9")) {
      Flyway flyway = service.getBean(Flyway.class);
      assertThat(Arrays.stream(flyway.getConfiguration().getCallbacks()).map(Callback::getCallbackName).toList())
          .as("the callback bean (ZeroDowntimeCallback.forSpring()) reached Flyway").contains("flyway-zdm");
      ZdmSettings settings = ZdmSettings.of(flyway.getConfiguration());
      assertThat(settings.lockTimeout()).as("flyway.zdm.lock-timeout of application.yml").isEqualTo(Duration.ofSeconds(2));
      assertThat(settings.soak()).isEqualTo(Duration.ofHours(24));
      assertThat(db.queryLong("SELECT max(version::int) FROM flyway_schema_history WHERE success")).isEqualTo(9);
      assertThat(db.queryLong("SELECT count(*) FROM pg_index WHERE NOT indisvalid")).as("no invalid index").isZero();

      Releases releases = service.getBean(Releases.class);
      long id = releases.users().register("ada@example.com", "Ada");
      releases.deploy(AppVersion.V2);
      assertThat(releases.users().find(id).orElseThrow().name())
          .as("release 2 reads display_name, which the dual-write trigger filled from name").isEqualTo("Ada");
      long order = releases.orders().place(id, 123_456L);
      assertThat(releases.orders().find(order).orElseThrow().amountCents()).isEqualTo(123_456L);
    }
  }

  @Test
  @Order(2)
  void refusesToStartWhileAContractStepHasNotSoaked(TestDatabase db) {
    assertThatThrownBy(() -> start(db).close())
        .as("V10 drops users.name: not before V9 has been live for flyway.zdm.soak (24h)")
        .hasRootCauseInstanceOf(MigrationRefusedException.class)
        .rootCause().hasMessageContaining("V10__contract_users_name must wait").hasMessageContaining("soak 1d");
  }

  @Test
  @Order(3)
  void appliesTheContractStepsOnceTheSoakIsOver(TestDatabase db) throws Exception {
    try (ConfigurableApplicationContext service = start(db, "--flyway.zdm.soak=0s")) {
      assertThat(db.queryLong("SELECT max(version::int) FROM flyway_schema_history WHERE success")).isEqualTo(11);
      assertThat(db.queryLong("SELECT count(*) FROM information_schema.columns WHERE table_name = 'users' AND column_name = 'name'"))
          .isZero();
      assertThat(db.queryValue("SELECT data_type FROM information_schema.columns WHERE table_name = 'orders' AND column_name = 'amount_cents'"))
          .isEqualTo("bigint");
    }
  }

  private static ConfigurableApplicationContext start(TestDatabase db, String... more) {
    String[] args = {
      "--spring.datasource.url=" + db.jdbcUrl(),
      "--spring.datasource.username=" + db.user(),
      "--spring.datasource.password=" + (db.password() == null ? "" : db.password()),
      "--logging.level.root=WARN"};
    String[] all = Arrays.copyOf(args, args.length + more.length);
    System.arraycopy(more, 0, all, args.length, more.length);
    return new SpringApplicationBuilder(SampleApplication.class)
        .web(WebApplicationType.NONE).bannerMode(Banner.Mode.OFF).logStartupInfo(false).run(all);
  }
}
