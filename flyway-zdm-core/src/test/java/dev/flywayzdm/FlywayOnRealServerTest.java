package dev.flywayzdm;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flywayzdm.testsupport.PostgresTest;
import dev.flywayzdm.testsupport.TestDatabase;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;
import org.junit.jupiter.api.Test;

/** The test bed itself: Flyway of the requested version migrates a real server. */
@PostgresTest
class FlywayOnRealServerTest {

  @Test
  void testsRunOnTheRequestedFlywayVersion() throws IOException {
    String expected = System.getProperty("zdm.expectedFlywayVersion");

    assertThat(expected).as("surefire passes -Dflyway.version to the tests").isNotBlank();
    assertThat(flywayVersionOnClasspath()).as("flyway-core on the test classpath").isEqualTo(expected);
  }

  private static String flywayVersionOnClasspath() throws IOException {
    try (InputStream in = Flyway.class.getResourceAsStream("/org/flywaydb/core/internal/version.txt")) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8).trim();
    }
  }

  @Test
  void flywayMigratesTheTestDatabase(TestDatabase db) throws Exception {
    Flyway flyway = Flyway.configure()
        .dataSource(db.jdbcUrl(), db.user(), db.password())
        .locations("classpath:dev/flywayzdm/smoke")
        .load();

    MigrateResult result = flyway.migrate();

    assertThat(result.migrationsExecuted).isEqualTo(1);
    assertThat(db.queryLong("SELECT count(*) FROM smoke")).isEqualTo(2);
  }
}
