package dev.flywayzdm.maven;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;

class ZdmSettingParametersTest {

  @Test
  void passesTheAdoptionPointFromTheParameterOrTheProjectsFlywayProperty() {
    Properties project = new Properties();
    project.setProperty("flyway.zdm.startAfter", "41");
    FlywayProjectConfiguration configuration = new FlywayProjectConfiguration(new Properties(), project, null);

    assertThat(new ZdmSettingParameters(null, List.of()).resolve(configuration))
        .as("zdm:migrate must gate from the same version flyway-maven-plugin's runs do")
        .containsEntry("startAfter", "41");
    assertThat(new ZdmSettingParameters(Map.of("startAfter", "42"), List.of()).resolve(configuration))
        .containsEntry("startAfter", "42");
  }

  @Test
  void bindsEveryKeyOfTheTableFromAZdmPropertyBeforeTheProjectsFlywayProperty() {
    Properties user = new Properties();
    user.setProperty("zdm.backfillPause", "5s");
    Properties project = new Properties();
    project.setProperty("flyway.zdm.backfillPause", "1s");
    project.setProperty("flyway.zdm.maxBlockerAge", "30s");
    FlywayProjectConfiguration configuration = new FlywayProjectConfiguration(new Properties(), project, null);

    Map<String, String> values = new ZdmSettingParameters(Map.of("lint", "fail"), List.of(user)).resolve(configuration);

    assertThat(values).containsEntry("backfillPause", "5s").containsEntry("maxBlockerAge", "30s")
        .containsEntry("lint", "fail");
  }
}
