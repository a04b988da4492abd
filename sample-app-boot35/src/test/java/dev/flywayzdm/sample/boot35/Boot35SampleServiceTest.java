package dev.flywayzdm.sample.boot35;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.zaxxer.hikari.HikariDataSource;
import dev.flywayzdm.callback.MigrationRefusedException;
import dev.flywayzdm.config.ZdmSettings;
import dev.flywayzdm.testsupport.PostgresTest;
import dev.flywayzdm.testsupport.TestDatabase;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.management.MBeanServer;
import javax.management.ObjectName;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.callback.Callback;
import org.flywaydb.database.postgresql.PostgreSQLConfigurationExtension;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.boot.Banner;
import org.springframework.boot.SpringBootVersion;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.boot.actuate.health.Status;
import org.springframework.boot.autoconfigure.flyway.FlywayMigrationInitializer;
import org.springframework.boot.autoconfigure.flyway.FlywayMigrationStrategy;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The sample's migrations on Spring Boot 3.5 with its Flyway 11.7.2: Spring Boot's auto-configuration
 * builds Flyway on the HikariCP pool and migrates at startup; flyway-zdm-spring-boot-starter's
 * auto-configuration (the same jar as on Spring Boot 4) adds the callback, the settings and the strategy.
 */
@PostgresTest
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class Boot35SampleServiceTest {

  @Test
  @Order(1)
  void migratesAtStartupThroughSpringBootsAutoConfigurationOnHikariCp(TestDatabase db) throws Exception {
    try (ConfigurableApplicationContext service = start(db, "--spring.flyway.target=9")) {
      assertThat(SpringBootVersion.getVersion()).as("the Spring Boot of this module's pom")
          .isEqualTo(System.getProperty("zdm.expectedSpringBootVersion"));
      assertThat(flywayVersionOnClasspath()).as("the Flyway of Spring Boot 3.5's BOM")
          .isEqualTo(System.getProperty("zdm.expectedFlywayVersion"));

      DataSource pool = service.getBean(DataSource.class);
      assertThat(pool).as("Spring Boot's default pool").isInstanceOf(HikariDataSource.class);
      assertThat(service.getBeanNamesForType(FlywayMigrationInitializer.class))
          .as("the migration at startup comes from FlywayAutoConfiguration, not from a hand-built Flyway").hasSize(1);
      Flyway flyway = service.getBean(Flyway.class);
      assertThat(flyway.getConfiguration().getDataSource()).as("Flyway migrates through the application's pool")
          .isSameAs(pool);
      assertThat(Arrays.stream(flyway.getConfiguration().getCallbacks()).map(Callback::getCallbackName).toList())
          .as("the starter's callback bean reached Flyway, once").containsOnlyOnce("flyway-zdm");
      assertThat(service.getBeanNamesForType(FlywayMigrationStrategy.class))
          .as("the starter's retrying strategy, on Spring Boot 3.5's package").containsExactly("zeroDowntimeMigrate");
      assertThat(flyway.getConfiguration().getPluginRegister().getPlugin(PostgreSQLConfigurationExtension.class)
          .isTransactionalLock()).as("the starter picks the session lock; application.yml does not set it").isFalse();
      ZdmSettings settings = ZdmSettings.of(flyway.getConfiguration());
      assertThat(settings.lockTimeout()).as("flyway.zdm.lock-timeout of application.yml").isEqualTo(Duration.ofSeconds(2));
      assertThat(settings.soak()).isEqualTo(Duration.ofHours(24));

      assertThat(db.queryLong("SELECT max(version::int) FROM flyway_schema_history WHERE success")).isEqualTo(9);
      assertThat(db.queryLong("SELECT count(*) FROM pg_index WHERE NOT indisvalid"))
          .as("V3, V4 and V5 built their indexes concurrently under the session lock")
          .isZero();
      assertThat(db.queryLong("SELECT count(*) FROM information_schema.triggers WHERE event_object_table = 'users'"))
          .as("V9's dual-write trigger keeps users.name and display_name in step").isPositive();
    }
  }

  @Test
  @Order(2)
  void startsWithTheContractDeferredWhileItsExpandSoaksAndReportsItOnTheEndpointAndHealth(TestDatabase db)
      throws Exception {
    try (ConfigurableApplicationContext service = start(db)) {
      assertThat(db.queryLong("SELECT max(version::int) FROM flyway_schema_history WHERE success"))
          .as("everything before V10 (the contract of V9, which soaks for 24h) is applied").isEqualTo(9);
      Map<String, Object> status = zdmEndpoint(service);
      assertThat(status.get("pendingMigrations")).asList().contains("V10__contract_users_name", "V11__contract_orders_amount");
      @SuppressWarnings("unchecked")
      List<Map<String, Object>> gates = (List<Map<String, Object>>) status.get("soakGates");
      assertThat(gates).first().satisfies(gate -> {
        assertThat(gate.get("migration")).isEqualTo("V10__contract_users_name");
        assertThat(gate.get("mayRunNow")).isEqualTo(false);
      });
      Health health = service.getBean("zdmHealthIndicator", HealthIndicator.class).health();
      assertThat(health.getStatus()).as("Spring Boot 3.5's health API").isEqualTo(Status.UP);
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
  void appliesTheDeferredContractsAtTheNextStartOnceTheSoakIsOver(TestDatabase db) throws Exception {
    try (ConfigurableApplicationContext service = start(db, "--flyway.zdm.soak=0s")) {
      assertThat(db.queryLong("SELECT max(version::int) FROM flyway_schema_history WHERE success")).isEqualTo(11);
      assertThat(db.queryLong("SELECT count(*) FROM information_schema.columns WHERE table_name = 'users' AND column_name = 'name'"))
          .isZero();
      assertThat(db.queryValue("SELECT data_type FROM information_schema.columns WHERE table_name = 'orders' AND column_name = 'amount_cents'"))
          .isEqualTo("bigint");
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

  private static String flywayVersionOnClasspath() throws IOException {
    try (InputStream in = Flyway.class.getResourceAsStream("/org/flywaydb/core/internal/version.txt")) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8).trim();
    }
  }

  private static ConfigurableApplicationContext start(TestDatabase db, String... more) {
    String[] args = {
      "--spring.datasource.url=" + db.jdbcUrl(),
      "--spring.datasource.username=" + db.user(),
      "--spring.datasource.password=" + (db.password() == null ? "" : db.password()),
      "--logging.level.root=WARN", "--spring.jmx.enabled=true", "--spring.jmx.unique-names=true",
      "--management.endpoints.jmx.exposure.include=health,zdm"};
    String[] all = Arrays.copyOf(args, args.length + more.length);
    System.arraycopy(more, 0, all, args.length, more.length);
    return new SpringApplicationBuilder(Boot35SampleApplication.class)
        .web(WebApplicationType.NONE).bannerMode(Banner.Mode.OFF).logStartupInfo(false).run(all);
  }
}
