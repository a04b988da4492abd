package dev.flywayzdm.maven;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flywayzdm.lint.MigrationSource;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SqlMigrationFilesTest {

  @TempDir
  Path basedir;

  @Test
  void readsEverySqlFileBelowTheDirectoriesInFlywayOrderNamedRelativeToTheProject() throws Exception {
    Path migrations = Files.createDirectories(basedir.resolve("src/main/resources/db/migration"));
    Files.createDirectories(migrations.resolve("orders"));
    Files.writeString(migrations.resolve("V10__later.sql"), "SELECT 10;");
    Files.writeString(migrations.resolve("orders/V9__nested.sql"), "SELECT 9;");
    Files.writeString(migrations.resolve("R__view.sql"), "SELECT 0;");
    Files.writeString(migrations.resolve("README.md"), "not a migration");

    List<MigrationSource> sources = SqlMigrationFiles.read(basedir, List.of(migrations), StandardCharsets.UTF_8);

    assertThat(sources).extracting(MigrationSource::fileName).containsExactly(
        "src/main/resources/db/migration/orders/V9__nested.sql",
        "src/main/resources/db/migration/V10__later.sql",
        "src/main/resources/db/migration/R__view.sql");
  }

  @Test
  void honoursExecuteInTransactionOfAScriptConfigFile() throws Exception {
    Path migrations = Files.createDirectories(basedir.resolve("sql"));
    Files.writeString(migrations.resolve("V1__reindex.sql"), "REINDEX INDEX CONCURRENTLY orders_pkey;");
    Files.writeString(migrations.resolve("V1__reindex.sql.conf"), "executeInTransaction=false\n");
    Files.writeString(migrations.resolve("V2__plain.sql"), "SELECT 1;");

    List<MigrationSource> sources = SqlMigrationFiles.read(basedir, List.of(migrations), StandardCharsets.UTF_8);

    assertThat(sources.get(0).executeInTransaction()).contains(false);
    assertThat(sources.get(1).executeInTransaction()).isEmpty();
  }
}
