package dev.flywayzdm.sample;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import dev.flywayzdm.testsupport.PostgresTest;
import dev.flywayzdm.testsupport.TestDatabase;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.springframework.boot.Banner;
import org.springframework.boot.SpringBootVersion;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.flyway.autoconfigure.FlywayMigrationInitializer;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The compatibility matrix's Spring Boot 4.0 cell: the sample migrates through Spring Boot's own
 * Flyway auto-configuration, on the HikariCP pool, with the Spring Boot and Flyway its pom pins.
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

  private static String flywayVersionOnClasspath() throws IOException {
    try (InputStream in = Flyway.class.getResourceAsStream("/org/flywaydb/core/internal/version.txt")) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8).trim();
    }
  }
}
