package dev.flywayzdm.maven;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Flyway {@code locations} mapped onto the project's source tree, so migrations can be read without a
 * build or a database: {@code classpath:db/migration} is {@code db/migration} under each resource
 * directory, {@code filesystem:sql} (or a bare path) is that path relative to the project directory.
 */
final class MigrationLocations {

  static final String DEFAULT = "classpath:db/migration";

  private final Path basedir;
  private final List<Path> resourceDirectories;

  MigrationLocations(Path basedir, List<Path> resourceDirectories) {
    this.basedir = basedir;
    this.resourceDirectories = List.copyOf(resourceDirectories);
  }

  /** The goal's locations, else the project's Flyway ones, else Flyway's default. */
  static List<String> resolve(List<String> explicit, FlywayProjectConfiguration project) {
    if (explicit != null && !explicit.isEmpty()) {
      return explicit.stream().flatMap(l -> FlywayProjectConfiguration.split(l).stream()).toList();
    }
    List<String> configured = project.list("locations");
    return configured.isEmpty() ? List.of(DEFAULT) : configured;
  }

  /**
   * The existing directories the locations denote, in location order, without duplicates.
   *
   * @throws IllegalArgumentException for a location type that has no source directory (e.g. {@code s3:})
   */
  List<Path> directories(List<String> locations) {
    Set<Path> found = new LinkedHashSet<>();
    for (String location : locations) {
      for (Path candidate : candidates(location)) {
        if (Files.isDirectory(candidate)) {
          found.add(candidate.normalize());
        }
      }
    }
    return new ArrayList<>(found);
  }

  private List<Path> candidates(String location) {
    String trimmed = location.trim();
    if (trimmed.startsWith("classpath:")) {
      String relative = stripSlashes(trimmed.substring("classpath:".length()));
      return resourceDirectories.stream().map(dir -> relative.isEmpty() ? dir : dir.resolve(relative)).toList();
    }
    if (trimmed.startsWith("filesystem:")) {
      return List.of(basedir.resolve(trimmed.substring("filesystem:".length())));
    }
    int colon = trimmed.indexOf(':');
    if (colon > 1 && !new File(trimmed).isAbsolute()) {
      throw new IllegalArgumentException("Location '" + trimmed + "' cannot be read from the source tree: use"
          + " classpath:<path under src/main/resources> or filesystem:<path>");
    }
    return List.of(basedir.resolve(trimmed));
  }

  private static String stripSlashes(String path) {
    String result = path;
    while (result.startsWith("/")) {
      result = result.substring(1);
    }
    while (result.endsWith("/")) {
      result = result.substring(0, result.length() - 1);
    }
    return result;
  }
}
