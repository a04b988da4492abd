package dev.flywayzdm.lint.internal.naming;

import java.util.Optional;

/**
 * A file name as Flyway reads it.
 *
 * @param kind versioned, baseline, repeatable or not a migration
 * @param version the version with {@code _} read as {@code .}, for versioned and baseline files
 * @param description the part after the separator, without the suffix
 * @param problem for {@link FileKind#NOT_A_MIGRATION}, why Flyway will never run it
 */
public record MigrationFileName(FileKind kind, Optional<String> version, String description, Optional<String> problem) {

  static MigrationFileName notAMigration(String problem) {
    return new MigrationFileName(FileKind.NOT_A_MIGRATION, Optional.empty(), "", Optional.of(problem));
  }
}
