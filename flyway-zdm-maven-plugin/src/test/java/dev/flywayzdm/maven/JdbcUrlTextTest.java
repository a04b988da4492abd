package dev.flywayzdm.maven;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class JdbcUrlTextTest {

  @Test
  void masksAPasswordQueryParameterWhereverItStands() {
    assertThat(JdbcUrlText.masked("jdbc:postgresql://db:5432/app?user=app&password=s3cret&ssl=true"))
        .isEqualTo("jdbc:postgresql://db:5432/app?user=app&password=****&ssl=true");
    assertThat(JdbcUrlText.masked("jdbc:postgresql://db/app?PASSWORD=s3cret"))
        .isEqualTo("jdbc:postgresql://db/app?PASSWORD=****");
  }

  @Test
  void masksCredentialsBeforeTheHost() {
    assertThat(JdbcUrlText.masked("jdbc:postgresql://app:s3cret@db:5432/app"))
        .isEqualTo("jdbc:postgresql://app:****@db:5432/app");
  }

  @Test
  void leavesAUrlWithoutSecretsAlone() {
    assertThat(JdbcUrlText.masked("jdbc:postgresql://127.0.0.1:15417/postgres"))
        .isEqualTo("jdbc:postgresql://127.0.0.1:15417/postgres");
  }
}
