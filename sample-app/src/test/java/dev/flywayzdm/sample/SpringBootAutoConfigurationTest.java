package dev.flywayzdm.sample;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.zaxxer.hikari.HikariDataSource;
import dev.flywayzdm.config.ZdmSettings;
import dev.flywayzdm.testsupport.PostgresTest;
import dev.flywayzdm.testsupport.TestDatabase;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.springframework.boot.Banner;
import org.springframework.boot.SpringBootVersion;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.flyway.autoconfigure.FlywayMigrationInitializer;
import org.springframework.boot.flyway.autoconfigure.FlywayMigrationStrategy;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;

/**
 * The compatibility matrix's Spring Boot 4.0 cell: the sample migrates through Spring Boot's own
 * Flyway auto-configuration, on the HikariCP pool, with the Spring Boot and Flyway its pom pins, and
 * flyway-zdm-spring-boot-starter's auto-configuration binds its settings and installs its strategy.
 */
@PostgresTest
class SpringBootAutoConfigurationTest {

  @Test
  void migratesThroughSpringBootsFlywayAutoConfigurationOnHikariCp(TestDatabase db) throws Exception {
    try (ConfigurableApplicationContext service = new SpringApplicationBuilder(SampleApplication.class)
        .web(WebApplicationType.NONE).bannerMode(Banner.Mode.OFF).logStartupInfo(false)
        .run("--spring.datasource.url=" + db.jdbcUrl(), "--spring.datasource.username=" + db.user(),
            "--spring.datasource.password=" + (db.password() == null ? "" : db.password()),
            "--logging.level.root=WARN", "--spring.flyway.target=9")) {
      assertThat(SpringBootVersion.getVersion()).as("the Spring Boot of the pom")
          .isEqualTo(System.getProperty("zdm.expectedSpringBootVersion"));
      assertThat(flywayVersionOnClasspath()).as("sample.flyway.version, the Flyway of Spring Boot 4.0")
          .isEqualTo(System.getProperty("zdm.expectedFlywayVersion"));

      DataSource pool = service.getBean(DataSource.class);
      assertThat(pool).as("Spring Boot's default pool").isInstanceOf(HikariDataSource.class);
      assertThat(service.getBeanNamesForType(FlywayMigrationInitializer.class))
          .as("the migration at startup comes from FlywayAutoConfiguration, not from a hand-built Flyway").hasSize(1);
      assertThat(service.getBean(Flyway.class).getConfiguration().getDataSource())
          .as("Flyway migrates through the application's pool").isSameAs(pool);
      assertThat(db.queryLong("SELECT max(version::int) FROM flyway_schema_history WHERE success")).isEqualTo(9);
    }
  }

  @Test
  void bindsEveryRelaxedFormOfTheSettingsNames(TestDatabase db) {
    try (ConfigurableApplicationContext service = SampleServiceTest.start(db, "--spring.flyway.target=1",
        "--flyway.zdm.backfillBatchSize=500", "--flyway.zdm.lock_retries=3", "--flyway.zdm.LOCK-RETRY-MAX-TOTAL=1m")) {
      ZdmSettings settings = ZdmSettings.of(service.getBean(Flyway.class).getConfiguration());
      assertThat(settings.backfillBatchSize()).as("camelCase").isEqualTo(500);
      assertThat(settings.lockRetries()).as("underscores").isEqualTo(3);
      assertThat(settings.lockRetryMaxTotal()).as("upper case").isEqualTo(Duration.ofMinutes(1));
      assertThat(settings.lockTimeout()).as("kebab case, application.yml").isEqualTo(Duration.ofSeconds(2));
    }
  }

  @Test
  void refusesAnUnknownSettingBeforeFlywayRunsNamingTheAcceptedKeys(TestDatabase db) {
    assertThatThrownBy(() -> SampleServiceTest.start(db, "--flyway.zdm.lock-timout=1s").close())
        .hasRootCauseInstanceOf(IllegalArgumentException.class)
        .rootCause().hasMessageContaining("unknown setting flyway.zdm.lock-timout = '1s'")
        .hasMessageContaining("flyway.zdm.lockTimeout");
    assertThatThrownBy(() -> SampleServiceTest.start(db, "--flyway.zdm.boot.soaking-contract=fail").close())
        .as("a misspelt key of the starter's own is refused too, not ignored")
        .rootCause().hasMessageContaining("unknown setting flyway.zdm.boot.soaking-contract = 'fail'")
        .hasMessageContaining("the starter's own keys are flyway.zdm.boot.soaking-contracts");
    assertThatThrownBy(() -> SampleServiceTest.start(db, "--flyway.zdm.boot.soaking-contracts=later").close())
        .rootCause().hasMessageContaining("flyway.zdm.boot.soaking-contracts = 'later' is not accepted: expected one of"
            + " defer, fail");
  }

  @Test
  void theApplicationsOwnMigrationStrategyReplacesTheStarters(TestDatabase db) {
    OwnStrategy.CALLS.set(0);
    try (ConfigurableApplicationContext service = new SpringApplicationBuilder(SampleApplication.class, OwnStrategy.class)
        .web(WebApplicationType.NONE).bannerMode(Banner.Mode.OFF).logStartupInfo(false)
        .run("--spring.datasource.url=" + db.jdbcUrl(), "--spring.datasource.username=" + db.user(),
            "--spring.datasource.password=" + (db.password() == null ? "" : db.password()),
            "--logging.level.root=WARN", "--spring.flyway.target=1")) {
      assertThat(service.getBeanNamesForType(FlywayMigrationStrategy.class)).containsExactly("ownStrategy");
      assertThat(OwnStrategy.CALLS).as("Spring Boot migrated through the application's strategy").hasValue(1);
    }
  }

  /**
   * An application's own strategy, which the starter must leave alone. Registered only as a source of
   * that test (lite {@code @Bean} mode): a {@code @Configuration} here would be found by the component scan
   * of every other test.
   */
  static class OwnStrategy {
    static final AtomicInteger CALLS = new AtomicInteger();

    @Bean
    FlywayMigrationStrategy ownStrategy() {
      return flyway -> {
        CALLS.incrementAndGet();
        flyway.migrate();
      };
    }
  }

  private static String flywayVersionOnClasspath() throws IOException {
    try (InputStream in = Flyway.class.getResourceAsStream("/org/flywaydb/core/internal/version.txt")) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8).trim();
    }
  }
}
