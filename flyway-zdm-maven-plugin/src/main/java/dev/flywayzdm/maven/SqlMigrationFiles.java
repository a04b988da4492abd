package dev.flywayzdm.maven;

import dev.flywayzdm.lint.MigrationSource;
import dev.flywayzdm.lint.internal.naming.MigrationFileName;
import dev.flywayzdm.lint.internal.naming.MigrationNaming;
import dev.flywayzdm.lint.internal.naming.Placeholders;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.stream.Stream;

/**
 * The SQL migrations under some directories, read as Flyway reads them: every file below each
 * directory with one of the {@code sqlMigrationSuffixes}, named by the project's naming settings, its
 * placeholders replaced, with the {@code executeInTransaction} of a {@code V1__x.sql.conf} beside it. A
 * {@code .sql} file Flyway would not run (another prefix, no separator) is kept as
 * {@link MigrationSource.Kind#NOT_A_MIGRATION} so the report can name it. File names are given relative
 * to the project directory, so findings point into the source tree.
 */
final class SqlMigrationFiles {

  private SqlMigrationFiles() {}

  /** The migrations with Flyway's default naming and no placeholders, in Flyway order. */
  static List<MigrationSource> read(Path basedir, List<Path> directories, Charset encoding) throws IOException {
    return read(basedir, directories, encoding, new FlywayNaming(MigrationNaming.DEFAULTS, Placeholders.NONE))
        .stream().map(ProjectMigration::source).toList();
  }

  /** The migrations as {@code naming} reads them, in Flyway order. */
  static List<ProjectMigration> read(Path basedir, List<Path> directories, Charset encoding, FlywayNaming naming)
      throws IOException {
    List<ProjectMigration> migrations = new ArrayList<>();
    for (Path directory : directories) {
      List<Path> files;
      try (Stream<Path> walk = Files.walk(directory)) {
        files = walk.filter(Files::isRegularFile).filter(p -> candidate(naming.naming(), p)).sorted().toList();
      }
      for (Path file : files) {
        migrations.add(migration(basedir, file, encoding, naming));
      }
    }
    migrations.sort(Comparator.comparing(ProjectMigration::source, MigrationSource.FLYWAY_ORDER));
    return migrations;
  }

  /** Files with a migration suffix, and {@code .sql} files, which Flyway skipping deserves a word. */
  private static boolean candidate(MigrationNaming naming, Path file) {
    String name = file.getFileName().toString();
    return naming.hasSuffix(name) || name.endsWith(".sql");
  }

  private static ProjectMigration migration(Path basedir, Path file, Charset encoding, FlywayNaming naming)
      throws IOException {
    String displayName = displayName(basedir, file);
    MigrationFileName name = naming.naming().parse(file.getFileName().toString());
    Placeholders.Replaced sql = naming.placeholders().replace(Files.readString(file, encoding),
        file.getFileName().toString());
    MigrationSource source = new MigrationSource(displayName, sql.sql(), Optional.empty(),
        MigrationSource.Kind.valueOf(name.kind().name()), name.version(),
        name.problem().orElse(name.description()), false);
    Path conf = file.resolveSibling(file.getFileName() + ".conf");
    if (Files.isRegularFile(conf)) {
      String inTransaction = scriptConfig(conf).getProperty("executeInTransaction");
      if (inTransaction != null) {
        source = source.withExecuteInTransaction(Boolean.parseBoolean(inTransaction.trim()));
      }
    }
    return new ProjectMigration(source, file, sql);
  }

  private static Properties scriptConfig(Path conf) throws IOException {
    Properties properties = new Properties();
    try (Reader reader = Files.newBufferedReader(conf)) {
      properties.load(reader);
    }
    return properties;
  }

  /** The path relative to the project directory, with forward slashes (stable in reports on every OS). */
  static String displayName(Path basedir, Path file) {
    Path shown = file.toAbsolutePath().startsWith(basedir.toAbsolutePath())
        ? basedir.toAbsolutePath().relativize(file.toAbsolutePath()) : file;
    return shown.toString().replace('\\', '/');
  }
}
