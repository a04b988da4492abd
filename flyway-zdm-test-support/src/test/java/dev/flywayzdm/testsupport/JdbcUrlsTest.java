package dev.flywayzdm.testsupport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class JdbcUrlsTest {

  @Test
  void replacesTheDatabaseAndKeepsParameters() {
    assertThat(JdbcUrls.withDatabase("jdbc:postgresql://127.0.0.1:15417/postgres?ssl=false", "zdm_x"))
        .isEqualTo("jdbc:postgresql://127.0.0.1:15417/zdm_x?ssl=false");
    assertThat(JdbcUrls.withDatabase("jdbc:postgresql://h1:5432,h2:5433/", "d"))
        .isEqualTo("jdbc:postgresql://h1:5432,h2:5433/d");
    assertThat(JdbcUrls.withDatabase("jdbc:postgresql://localhost", "d")).isEqualTo("jdbc:postgresql://localhost/d");
  }

  @Test
  void masksPasswordsAndRejectsOtherDrivers() {
    assertThat(JdbcUrls.withoutSecrets("jdbc:postgresql://h/d?user=u&password=s3cret&x=1"))
        .isEqualTo("jdbc:postgresql://h/d?user=u&password=****&x=1");
    assertThatThrownBy(() -> JdbcUrls.withDatabase("jdbc:mysql://h/d?password=p", "x"))
        .hasMessageContaining("not a PostgreSQL JDBC URL").hasMessageNotContaining("password=p");
  }

  @Test
  void databaseNamesAreUniqueAndSafe() {
    String name = TestServer.databaseName(JdbcUrlsTest.class);
    assertThat(name).matches("zdm_jdbcurlstest_[0-9a-f]{6}");
    assertThat(name).isNotEqualTo(TestServer.databaseName(JdbcUrlsTest.class));
  }
}
