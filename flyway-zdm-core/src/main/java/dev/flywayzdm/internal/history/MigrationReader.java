package dev.flywayzdm.internal.history;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.flywaydb.core.api.Location;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.configuration.Configuration;

/**
 * Reads what a migration Flyway lists is made of, through Flyway's configuration: the SQL file's
 * text or the Java class, and what either declares about itself ({@link MigrationDeclaration}).
 */
public final class MigrationReader {

  private MigrationReader() {}

  public static boolean isSql(MigrationInfo info) {
    return info.getScript() != null && info.getScript().endsWith(".sql");
  }

  /** The SQL file's text, read from its file on disk or, inside a jar, from a classpath location. */
  public static Optional<String> sqlText(MigrationInfo info, Configuration configuration) {
    if (!isSql(info)) {
      return Optional.empty();
    }
    Charset encoding = configuration.getEncoding() == null ? StandardCharsets.UTF_8 : configuration.getEncoding();
    try {
      String physical = info.getPhysicalLocation();
      if (physical != null && !physical.isEmpty() && Files.isRegularFile(Path.of(physical))) {
        return Optional.of(Files.readString(Path.of(physical), encoding));
      }
      ClassLoader loader = configuration.getClassLoader();
      for (Location location : configuration.getLocations()) {
        String descriptor = location.getDescriptor();
        if (loader == null || !descriptor.startsWith("classpath:")) {
          continue;
        }
        String root = descriptor.substring("classpath:".length()).replaceAll("^/+|/+$", "");
        try (InputStream in = loader.getResourceAsStream(root.isEmpty() ? info.getScript() : root + "/" + info.getScript())) {
          if (in != null) {
            return Optional.of(new String(in.readAllBytes(), encoding));
          }
        }
      }
      return Optional.empty();
    } catch (IOException e) {
      throw new UncheckedIOException("could not read " + info.getScript(), e);
    } catch (RuntimeException e) {
      return Optional.empty();
    }
  }

  /** The Java migration's class, when it is one and can be loaded. */
  public static Optional<Class<?>> javaClass(MigrationInfo info, Configuration configuration) {
    if (info.getScript() == null || isSql(info)) {
      return Optional.empty();
    }
    ClassLoader loader = configuration.getClassLoader() != null
        ? configuration.getClassLoader() : Thread.currentThread().getContextClassLoader();
    try {
      return Optional.of(Class.forName(info.getScript(), false, loader));
    } catch (ClassNotFoundException | LinkageError e) {
      return Optional.empty();
    }
  }

  public static MigrationDeclaration declaration(MigrationInfo info, Configuration configuration) {
    if (isSql(info)) {
      return sqlText(info, configuration).map(sql -> MigrationDeclaration.ofSql(info.getScript(), sql))
          .orElse(MigrationDeclaration.NONE);
    }
    return javaClass(info, configuration).map(MigrationDeclaration::ofJava).orElse(MigrationDeclaration.NONE);
  }

  /**
   * Whether the class extends one of flyway-zdm's migration base classes: those set their own
   * timeouts per step (a concurrent index build must not inherit a short lock_timeout).
   */
  public static boolean isFlywayZdmMigration(Class<?> type) {
    for (Class<?> c = type.getSuperclass(); c != null; c = c.getSuperclass()) {
      if (c.getName().startsWith("dev.flywayzdm.migration.")) {
        return true;
      }
    }
    return false;
  }
}
