package dev.flywayzdm.maven;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Properties;
import org.junit.jupiter.api.Test;

class ZdmSettingParametersTest {

  @Test
  void passesTheAdoptionPointFromTheParameterOrTheProjectsFlywayProperty() {
    Properties project = new Properties();
    project.setProperty("flyway.zdm.startAfter", "41");
    FlywayProjectConfiguration configuration = new FlywayProjectConfiguration(new Properties(), project, null);

    assertThat(new ZdmSettingParameters(null, null, null, null, null, null).resolve(configuration))
        .as("zdm:migrate must gate from the same version flyway-maven-plugin's runs do")
        .containsEntry("startAfter", "41");
    assertThat(new ZdmSettingParameters(null, null, null, null, null, "42").resolve(configuration))
        .containsEntry("startAfter", "42");
  }
}
