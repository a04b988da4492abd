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
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.management.MBeanServer;
import javax.management.ObjectName;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.callback.Callback;
import org.flywaydb.database.postgresql.PostgreSQLConfigurationExtension;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.boot.Banner;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.flyway.autoconfigure.FlywayMigrationStrategy;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.Status;
import org.springframework.context.ApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The sample service starts the way its users' services do on Spring Boot 4.0: Spring Boot,
 * application.yml and flyway-zdm-spring-boot-starter on the class path, no flyway-zdm code.
 */
@PostgresTest
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SampleServiceTest {

  @Test
  @Order(1)
  void migratesAtStartupThroughTheStartersCallbackWithTheSettingsOfApplicationYml(TestDatabase db) throws Exception {
    try (ConfigurableApplicationContext service = start(db, "--spring.flyway.target=9")) {
      Flyway flyway = service.getBean(Flyway.class);
      assertThat(Arrays.stream(flyway.getConfiguration().getCallbacks()).map(Callback::getCallbackName).toList())
          .as("the starter's callback bean reached Flyway, once").containsOnlyOnce("flyway-zdm");
      assertThat(service.getBeanNamesForType(FlywayMigrationStrategy.class))
          .as("the starter's retrying strategy").containsExactly("zeroDowntimeMigrate");
      ZdmSettings settings = ZdmSettings.of(flyway.getConfiguration());
      assertThat(settings.lockTimeout()).as("flyway.zdm.lock-timeout of application.yml").isEqualTo(Duration.ofSeconds(2));
      assertThat(settings.soak()).isEqualTo(Duration.ofHours(24));
      assertThat(flyway.getConfiguration().getPluginRegister().getPlugin(PostgreSQLConfigurationExtension.class)
          .isTransactionalLock()).as("the starter picks the session lock; application.yml does not set it").isFalse();
      assertThat(db.queryLong("SELECT max(version::int) FROM flyway_schema_history WHERE success")).isEqualTo(9);
      assertThat(db.queryLong("SELECT count(*) FROM pg_index WHERE NOT indisvalid"))
          .as("V3, V4 and V5 built their indexes concurrently under the session lock").isZero();

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
  void startsWithTheContractDeferredWhileItsExpandSoaksAndReportsItOnTheEndpointAndHealth(TestDatabase db)
      throws Exception {
    try (ConfigurableApplicationContext service = start(db)) {
      assertThat(db.queryLong("SELECT max(version::int) FROM flyway_schema_history WHERE success"))
          .as("everything before V10 (the contract of V9, which soaks for 24h) is applied").isEqualTo(9);
      assertThat(db.queryLong("SELECT count(*) FROM information_schema.columns WHERE table_name = 'users' AND column_name = 'name'"))
          .as("the contract did not run").isOne();

      Map<String, Object> status = zdmEndpoint(service);
      assertThat(status.get("schemaVersion")).isEqualTo("9");
      assertThat(status.get("pendingMigrations")).asList().contains("V10__contract_users_name", "V11__contract_orders_amount");
      @SuppressWarnings("unchecked")
      List<Map<String, Object>> gates = (List<Map<String, Object>>) status.get("soakGates");
      assertThat(gates).first().satisfies(gate -> {
        assertThat(gate.get("migration")).isEqualTo("V10__contract_users_name");
        assertThat(gate.get("expandState")).isEqualTo("APPLIED");
        assertThat(gate.get("mayRunNow")).isEqualTo(false);
        assertThat(gate.get("mayRunFrom")).as("expand live since + 24h, database clock").isNotNull();
        assertThat((String) gate.get("description")).contains("V10__contract_users_name must wait");
      });
      assertThat(status.get("backfills")).as("V8's backfill finished: none running").asList().isEmpty();

      Health health = service.getBean("zdmHealthIndicator", HealthIndicator.class).health();
      assertThat(health.getStatus()).as("a soaking contract is the plan, not a failure").isEqualTo(Status.UP);
      assertThat(health.getDetails().get("contractsWaiting")).asList().contains("V10__contract_users_name");
    }
  }

  @Test
  @Order(3)
  void refusesToStartWhileAContractSoaksWhenSoakingContractsIsFail(TestDatabase db) {
    assertThatThrownBy(() -> start(db, "--flyway.zdm.boot.soaking-contracts=fail").close())
        .as("V10 drops users.name: not before V9 has been live for flyway.zdm.soak (24h)")
        .hasRootCauseInstanceOf(MigrationRefusedException.class)
        .rootCause().hasMessageContaining("V10__contract_users_name must wait").hasMessageContaining("soak 1d");
  }

  @Test
  @Order(4)
  void anExplicitTargetPastASoakingContractIsRefusedNotCutShort(TestDatabase db) {
    assertThatThrownBy(() -> start(db, "--spring.flyway.target=10").close())
        .as("the caller asked for V10: deferring would start below the version it asked for")
        .hasRootCauseInstanceOf(MigrationRefusedException.class)
        .rootCause().hasMessageContaining("V10__contract_users_name must wait");
  }

  @Test
  @Order(5)
  void appliesTheDeferredContractsAtTheNextStartOnceTheSoakIsOver(TestDatabase db) throws Exception {
    try (ConfigurableApplicationContext service = start(db, "--flyway.zdm.soak=0s")) {
      assertThat(db.queryLong("SELECT max(version::int) FROM flyway_schema_history WHERE success")).isEqualTo(11);
      assertThat(db.queryLong("SELECT count(*) FROM information_schema.columns WHERE table_name = 'users' AND column_name = 'name'"))
          .isZero();
      assertThat(db.queryValue("SELECT data_type FROM information_schema.columns WHERE table_name = 'orders' AND column_name = 'amount_cents'"))
          .isEqualTo("bigint");
      assertThat(zdmEndpoint(service).get("soakGates")).asList().isEmpty();
    }
  }


  /**
   * {@code zdm}'s read operation as Actuator exposes it (over JMX: the sample has no web server), so the
   * endpoint is proven discovered and mapped by Actuator itself, not just present as a bean.
   */
  @SuppressWarnings("unchecked")
  static Map<String, Object> zdmEndpoint(ApplicationContext service) throws Exception {
    MBeanServer server = service.getBean(MBeanServer.class);
    Set<ObjectName> names = server.queryNames(new ObjectName("org.springframework.boot:type=Endpoint,name=Zdm,*"), null);
    assertThat(names).as("Actuator registered the zdm endpoint").hasSize(1);
    return (Map<String, Object>) server.invoke(names.iterator().next(), "status", new Object[0], new String[0]);
  }

  static ConfigurableApplicationContext start(TestDatabase db, String... more) {
    String[] args = {
      "--spring.datasource.url=" + db.jdbcUrl(),
      "--spring.datasource.username=" + db.user(),
      "--spring.datasource.password=" + (db.password() == null ? "" : db.password()),
      "--logging.level.root=WARN", "--spring.jmx.enabled=true", "--spring.jmx.unique-names=true",
      "--management.endpoints.jmx.exposure.include=health,zdm"};
    String[] all = Arrays.copyOf(args, args.length + more.length);
    System.arraycopy(more, 0, all, args.length, more.length);
    return new SpringApplicationBuilder(SampleApplication.class)
        .web(WebApplicationType.NONE).bannerMode(Banner.Mode.OFF).logStartupInfo(false).run(all);
  }
}
