package dev.flywayzdm.maven;

import dev.flywayzdm.lint.Finding;
import dev.flywayzdm.lint.MigrationSource;
import dev.flywayzdm.lint.internal.naming.Placeholders;
import java.nio.file.Path;
import java.util.Set;

/**
 * One migration file of the project's source tree.
 *
 * @param source the migration as the linter reads it (placeholders replaced)
 * @param file its absolute, normalised path, to match it with Flyway's history and with git
 * @param replaced its placeholder replacement: the names without a value (Flyway would refuse to run
 *     it) and how columns moved
 */
record ProjectMigration(MigrationSource source, Path file, Placeholders.Replaced replaced) {

  ProjectMigration {
    file = file.toAbsolutePath().normalize();
  }

  ProjectMigration asApplied() {
    return new ProjectMigration(source.asApplied(), file, replaced);
  }

  /** Placeholders it uses that have no value. */
  Set<String> missingPlaceholders() {
    return replaced.missing();
  }

  /** The finding with its column in the file as written, before placeholders were replaced. */
  Finding inFile(Finding finding) {
    int column = replaced.originalColumn(finding.line(), finding.column());
    return column == finding.column() ? finding : new Finding(finding.file(), finding.line(), column, finding.rule(),
        finding.severity(), finding.message(), finding.why(), finding.fix());
  }
}
