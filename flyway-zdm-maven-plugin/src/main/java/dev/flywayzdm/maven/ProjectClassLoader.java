package dev.flywayzdm.maven;

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
