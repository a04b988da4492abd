package dev.flywayzdm.maven;

import dev.flywayzdm.lint.MigrationSource;
import java.io.File;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.util.ArrayList;
import java.util.List;
import org.apache.maven.artifact.DependencyResolutionRequiredException;
import org.apache.maven.project.MavenProject;

/**
 * A class loader over the project's compiled classes, resources and runtime dependencies, so Flyway
 * finds the project's Java and SQL migrations on {@code classpath:} locations. The plugin's own
 * classes (Flyway, flyway-zdm) come first: one copy of each, whatever the project depends on.
 */
final class ProjectClassLoader {

  private ProjectClassLoader() {}

  static URLClassLoader of(MavenProject project, ClassLoader parent) throws DependencyResolutionRequiredException {
    return over(project.getRuntimeClasspathElements(), parent);
  }

  /**
   * The {@code classpath:} locations for which the source tree has SQL migrations but the class
   * loader has nothing: the project's resources have not been processed.
   */
  static List<String> unbuiltLocations(ClassLoader loader, List<String> locations, List<MigrationSource> sources) {
    if (sources.isEmpty()) {
      return List.of();
    }
    List<String> unbuilt = new ArrayList<>();
    for (String location : locations) {
      if (location.startsWith("classpath:")) {
        String path = location.substring("classpath:".length()).replaceAll("^/+|/+$", "");
        if (loader.getResource(path.isEmpty() ? "." : path) == null) {
          unbuilt.add(location);
        }
      }
    }
    return unbuilt;
  }

  static URLClassLoader over(List<String> elements, ClassLoader parent) {
    List<URL> urls = new ArrayList<>();
    for (String element : elements) {
      try {
        urls.add(new File(element).toURI().toURL());
      } catch (MalformedURLException e) {
        throw new IllegalArgumentException("Classpath element '" + element + "' is not a valid path", e);
      }
    }
    return new URLClassLoader(urls.toArray(URL[]::new), parent);
  }
}
