package dev.flywayzdm.maven;

import dev.flywayzdm.lint.MigrationSource;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.stream.Stream;

/**
 * The SQL migrations under some directories, read as Flyway reads them: every {@code *.sql} file
 * below each directory, with the {@code executeInTransaction} of a {@code V1__x.sql.conf} beside it.
 * File names are given relative to the project directory, so findings point into the source tree.
 */
final class SqlMigrationFiles {

  private SqlMigrationFiles() {}

  static List<MigrationSource> read(Path basedir, List<Path> directories, Charset encoding) throws IOException {
    List<MigrationSource> sources = new ArrayList<>();
    for (Path directory : directories) {
      List<Path> files;
      try (Stream<Path> walk = Files.walk(directory)) {
        files = walk.filter(Files::isRegularFile).filter(p -> p.getFileName().toString().endsWith(".sql")).sorted()
            .toList();
      }
      for (Path file : files) {
        MigrationSource source = MigrationSource.of(displayName(basedir, file), Files.readString(file, encoding));
        Path conf = file.resolveSibling(file.getFileName() + ".conf");
        if (Files.isRegularFile(conf)) {
          String inTransaction = scriptConfig(conf).getProperty("executeInTransaction");
          if (inTransaction != null) {
            source = source.withExecuteInTransaction(Boolean.parseBoolean(inTransaction.trim()));
          }
        }
        sources.add(source);
      }
    }
    sources.sort(MigrationSource.FLYWAY_ORDER);
    return sources;
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
