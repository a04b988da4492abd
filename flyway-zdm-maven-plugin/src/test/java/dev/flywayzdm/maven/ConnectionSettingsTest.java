package dev.flywayzdm.maven;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Properties;
import org.junit.jupiter.api.Test;

class ConnectionSettingsTest {

  private static final List<String> LOCATIONS = List.of("classpath:db/migration");

  @Test
  void takesEachValueTheGoalDoesNotSetFromTheProjectsFlywayConfiguration() {
    Properties project = new Properties();
    project.setProperty("flyway.url", "jdbc:postgresql://db/app");
    project.setProperty("flyway.user", "app");
    project.setProperty("flyway.password", "s3cret");
    project.setProperty("flyway.schemas", "billing");

    ConnectionSettings settings = ConnectionSettings.resolve(
        new ConnectionParameters(null, "admin", null, List.of(), "history"), LOCATIONS,
        new FlywayProjectConfiguration(null, project, null));

    assertThat(settings.url()).isEqualTo("jdbc:postgresql://db/app");
    assertThat(settings.user()).contains("admin");
    assertThat(settings.password()).contains("s3cret");
    assertThat(settings.schemas()).containsExactly("billing");
    assertThat(settings.table()).contains("history");
  }

  @Test
  void withoutAnyUrlSaysWhereToPutOne() {
    assertThatThrownBy(() -> ConnectionSettings.resolve(new ConnectionParameters(null, null, null, null, null),
        LOCATIONS, new FlywayProjectConfiguration(null, null, null)))
        .hasMessageContaining("No database URL")
        .hasMessageContaining("-Dzdm.url=jdbc:postgresql://")
        .hasMessageContaining("flyway.url");
  }

  @Test
  void refusesSomethingThatIsNotAJdbcUrlWithoutPrintingItsPassword() {
    assertThatThrownBy(() -> ConnectionSettings.resolve(
        new ConnectionParameters("postgres://app:s3cret@db/app", null, null, null, null), LOCATIONS,
        new FlywayProjectConfiguration(null, null, null)))
        .hasMessageContaining("is not a JDBC URL")
        .hasMessageNotContaining("s3cret");
  }

  @Test
  void neverPrintsThePassword() {
    ConnectionSettings settings = ConnectionSettings.resolve(
        new ConnectionParameters("jdbc:postgresql://db/app?password=inurl", "app", "s3cret", List.of("a"), null),
        LOCATIONS, new FlywayProjectConfiguration(null, null, null));

    assertThat(settings.toString())
        .contains("jdbc:postgresql://db/app", "as app", "schemas a")
        .doesNotContain("s3cret", "inurl");
  }
}
