package dev.flywayzdm.sample.demo;

import dev.flywayzdm.lint.Finding;
import dev.flywayzdm.lint.LintOptions;
import dev.flywayzdm.lint.Linter;
import dev.flywayzdm.lint.MigrationSource;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/**
 * What flyway-zdm's linter says about a run's SQL migrations, read from the class path as Flyway
 * reads them. V1 (the tables) counts as applied: its tables are existing, busy ones.
 */
final class LintCheck {

  private LintCheck() {}

  /**
   * @param location {@code db/naive} or {@code db/migration}
   * @param callbackActive the flyway-zdm callback runs these files (it sets lock_timeout itself)
   */
  static List<String> findings(String location, boolean callbackActive, int serverMajor) throws IOException {
    List<MigrationSource> sources = new ArrayList<>();
    for (Resource resource : new PathMatchingResourcePatternResolver().getResources("classpath:" + location + "/*.sql")) {
      try (InputStream in = resource.getInputStream()) {
        sources.add(MigrationSource.of(resource.getFilename(), new String(in.readAllBytes(), StandardCharsets.UTF_8)));
      }
    }
    LintOptions options = LintOptions.builder()
        .targetMajor(Math.max(LintOptions.DEFAULT_TARGET_MAJOR, serverMajor))
        .callbackActive(callbackActive)
        .startAfter("1")
        .build();
    return new Linter(options).lint(sources).findings().stream().map(Finding::toText).toList();
  }
}
