package dev.flywayzdm.maven;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MigrationLocationsTest {

  @TempDir
  Path basedir;

  @Test
  void defaultsToFlywaysDefaultLocation() {
    assertThat(MigrationLocations.resolve(null, new FlywayProjectConfiguration(null, null, null)))
        .containsExactly("classpath:db/migration");
  }

  @Test
  void theGoalsLocationsBeatTheProjectsAndMaySeparateWithCommas() {
    Properties project = new Properties();
    project.setProperty("flyway.locations", "classpath:db/other");
    FlywayProjectConfiguration configuration = new FlywayProjectConfiguration(null, project, null);

    assertThat(MigrationLocations.resolve(List.of(), configuration)).containsExactly("classpath:db/other");
    assertThat(MigrationLocations.resolve(List.of("filesystem:a,filesystem:b"), configuration))
        .containsExactly("filesystem:a", "filesystem:b");
  }

  @Test
  void classpathLocationsAreLookedUpInEveryResourceDirectory() throws Exception {
    Path main = Files.createDirectories(basedir.resolve("src/main/resources/db/migration"));
    Path generated = Files.createDirectories(basedir.resolve("target/generated-resources/db/migration"));
    Files.createDirectories(basedir.resolve("src/extra"));
    MigrationLocations locations = new MigrationLocations(basedir, List.of(
        basedir.resolve("src/main/resources"), basedir.resolve("src/extra"), basedir.resolve("target/generated-resources")));

    assertThat(locations.directories(List.of("classpath:/db/migration/"))).containsExactly(main, generated);
  }

  @Test
  void filesystemLocationsAreRelativeToTheProjectAndMissingOnesAreNoError() throws Exception {
    Path sql = Files.createDirectories(basedir.resolve("sql"));
    MigrationLocations locations = new MigrationLocations(basedir, List.of());

    assertThat(locations.directories(List.of("filesystem:sql", "filesystem:missing", "sql"))).containsExactly(sql);
  }

  @Test
  void refusesLocationsThatHaveNoSourceDirectory() {
    MigrationLocations locations = new MigrationLocations(basedir, List.of());

    assertThatThrownBy(() -> locations.directories(List.of("s3:bucket/migrations")))
        .hasMessageContaining("'s3:bucket/migrations'")
        .hasMessageContaining("classpath:");
  }
}
