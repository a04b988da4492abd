package dev.flywayzdm.callback;

import dev.flywayzdm.lint.Finding;
import dev.flywayzdm.lint.MigrationSource;
import dev.flywayzdm.lint.internal.naming.Placeholders;
import java.util.Map;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.configuration.Configuration;

/**
 * A migration Flyway lists, as the linter reads it: named by Flyway's own resolution (so an empty
 * {@code sqlMigrationPrefix} or another separator changes nothing) and with the configuration's
 * placeholders replaced, as the database will see it.
 *
 * @param source what the linter reads
 * @param replaced the placeholder replacement, to point findings back into the file
 */
record LintSources(MigrationSource source, Placeholders.Replaced replaced) {

  static LintSources of(MigrationInfo info, String sql, Configuration configuration) {
    Placeholders.Replaced replaced = placeholders(configuration).replace(sql, fileName(info));
    String description = info.getDescription() == null ? "" : info.getDescription();
    MigrationSource source = info.getVersion() == null
        ? MigrationSource.repeatable(info.getScript(), replaced.sql(), description)
        : MigrationSource.versioned(info.getScript(), replaced.sql(), info.getVersion().getVersion(), description);
    return new LintSources(source, replaced);
  }

  /** The finding with its column in the file as written, before placeholders were replaced. */
  Finding inFile(Finding finding) {
    int column = replaced.originalColumn(finding.line(), finding.column());
    return column == finding.column() ? finding : new Finding(finding.file(), finding.line(), column, finding.rule(),
        finding.severity(), finding.message(), finding.why(), finding.fix());
  }

  private static Placeholders placeholders(Configuration configuration) {
    Map<String, String> values = configuration.getPlaceholders() == null ? Map.of() : configuration.getPlaceholders();
    return new Placeholders(values, orDefault(configuration.getPlaceholderPrefix(), Placeholders.NONE.prefix()),
        orDefault(configuration.getPlaceholderSuffix(), Placeholders.NONE.suffix()),
        configuration.isPlaceholderReplacement());
  }

  private static String orDefault(String value, String fallback) {
    return value == null || value.isEmpty() ? fallback : value;
  }

  private static String fileName(MigrationInfo info) {
    String script = info.getScript();
    return script.substring(script.lastIndexOf('/') + 1);
  }
}
