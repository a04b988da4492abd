package dev.flywayzdm.maven;

import dev.flywayzdm.lint.Finding;
import dev.flywayzdm.lint.LintReport;
import dev.flywayzdm.lint.MigrationSource;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.flywaydb.core.api.MigrationInfo;

/**
 * The project's SQL migrations as read from its source tree, with their lint findings, looked up by
 * the script name Flyway reports ({@code V3__drop_note.sql}, relative to its location).
 */
final class ProjectMigrations {

  private final List<MigrationSource> sources;
  private final LintReport lint;
  private final Charset encoding;

  ProjectMigrations(List<MigrationSource> sources, LintReport lint, Charset encoding) {
    this.sources = List.copyOf(sources);
    this.lint = lint;
    this.encoding = encoding;
  }

  /** The SQL text of a SQL migration: from the source tree, else from the file Flyway found. */
  Optional<String> sql(MigrationInfo info) {
    if (info.getScript() == null || !info.getScript().endsWith(".sql")) {
      return Optional.empty();
    }
    Optional<String> fromSources = source(info.getScript()).map(MigrationSource::sql);
    if (fromSources.isPresent()) {
      return fromSources;
    }
    try {
      String physical = info.getPhysicalLocation();
      return physical == null || physical.isEmpty() || !Files.isRegularFile(Path.of(physical))
          ? Optional.empty() : Optional.of(Files.readString(Path.of(physical), encoding));
    } catch (Exception e) {
      return Optional.empty();
    }
  }

  /** How many lint findings a SQL migration of the source tree has; empty for others. */
  Optional<Integer> findings(MigrationInfo info) {
    if (info.getScript() == null) {
      return Optional.empty();
    }
    return source(info.getScript()).map(source ->
        (int) lint.findings().stream().map(Finding::file).filter(source.fileName()::equals).count());
  }

  private Optional<MigrationSource> source(String script) {
    String normalized = script.replace('\\', '/');
    return sources.stream()
        .filter(s -> s.fileName().equals(normalized) || s.fileName().endsWith("/" + normalized))
        .findFirst();
  }
}
