package dev.flywayzdm.maven;

import dev.flywayzdm.lint.internal.naming.MigrationNaming;
import dev.flywayzdm.lint.internal.naming.Placeholders;
import java.util.List;
import java.util.Map;
import org.flywaydb.core.api.configuration.FluentConfiguration;

/**
 * The project's Flyway naming and placeholder settings ({@code sqlMigrationPrefix},
 * {@code repeatableSqlMigrationPrefix}, {@code baselineMigrationPrefix}, {@code sqlMigrationSeparator},
 * {@code sqlMigrationSuffixes}, {@code placeholders}, {@code placeholderPrefix}/{@code Suffix},
 * {@code placeholderReplacement}), read where Flyway's own plugin reads them, so zdm:lint names, orders
 * and reads the files exactly as Flyway will run them.
 *
 * @param naming how file names are read
 * @param placeholders what {@code ${name}} becomes
 */
record FlywayNaming(MigrationNaming naming, Placeholders placeholders) {

  /**
   * @throws IllegalArgumentException naming the setting when a value is impossible (empty separator or suffix)
   */
  static FlywayNaming of(FlywayProjectConfiguration project) {
    MigrationNaming defaults = MigrationNaming.DEFAULTS;
    List<String> suffixes = project.list("sqlMigrationSuffixes");
    MigrationNaming naming = new MigrationNaming(
        project.valueOrEmpty("sqlMigrationPrefix").orElse(defaults.prefix()),
        project.valueOrEmpty("repeatableSqlMigrationPrefix").orElse(defaults.repeatablePrefix()),
        project.valueOrEmpty("baselineMigrationPrefix").orElse(defaults.baselinePrefix()),
        project.valueOrEmpty("sqlMigrationSeparator").orElse(defaults.separator()),
        suffixes.isEmpty() ? defaults.suffixes() : suffixes);
    Map<String, String> values = project.map("placeholders");
    Placeholders placeholders = new Placeholders(values,
        project.value("placeholderPrefix").orElse(Placeholders.NONE.prefix()),
        project.value("placeholderSuffix").orElse(Placeholders.NONE.suffix()),
        project.value("placeholderReplacement").map(Boolean::parseBoolean).orElse(true));
    return new FlywayNaming(naming, placeholders);
  }

  /** Applies these settings to a Flyway configuration, so Flyway resolves the same files. */
  FluentConfiguration applyTo(FluentConfiguration configuration) {
    return configuration
        .sqlMigrationPrefix(naming.prefix())
        .repeatableSqlMigrationPrefix(naming.repeatablePrefix())
        .sqlMigrationSeparator(naming.separator())
        .sqlMigrationSuffixes(naming.suffixes().toArray(String[]::new))
        .placeholders(placeholders.values())
        .placeholderPrefix(placeholders.prefix())
        .placeholderSuffix(placeholders.suffix())
        .placeholderReplacement(placeholders.enabled());
  }
}
