package dev.flywayzdm.maven;

import dev.flywayzdm.lint.MigrationSource;
import java.nio.file.Path;
import java.util.Set;

/**
 * One migration file of the project's source tree.
 *
 * @param source the migration as the linter reads it (placeholders replaced)
 * @param file its absolute, normalised path, to match it with Flyway's history and with git
 * @param missingPlaceholders placeholders it uses that have no value: Flyway would refuse to run it
 */
record ProjectMigration(MigrationSource source, Path file, Set<String> missingPlaceholders) {

  ProjectMigration {
    file = file.toAbsolutePath().normalize();
    missingPlaceholders = Set.copyOf(missingPlaceholders);
  }

  ProjectMigration asApplied() {
    return new ProjectMigration(source.asApplied(), file, missingPlaceholders);
  }
}
