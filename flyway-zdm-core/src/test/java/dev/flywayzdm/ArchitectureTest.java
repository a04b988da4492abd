package dev.flywayzdm;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The shape issue 13 settled, held by the build: a small public API, internals that never depend on it,
 * and files small enough to read. Reads the main sources of every module.
 */
class ArchitectureTest {

  private static final Path ROOT = Path.of("..");
  private static final Path CORE = Path.of("src", "main", "java", "dev", "flywayzdm");
  private static final Set<String> PUBLIC_PACKAGES = Set.of("", "callback", "config", "lint", "migration");
  private static final Pattern PUBLIC_TYPE = Pattern.compile(
      "(?m)^public (?:final |abstract |sealed |non-sealed )*(?:class|interface|enum|record|@interface) ");
  private static final Pattern PUBLIC_IMPORT = Pattern.compile(
      "(?m)^import (?:static )?dev\\.flywayzdm\\.(?:(?:callback|config|lint|migration)\\.)?[A-Z]");

  @Test
  void thePublicPackagesHoldAtMost26PublicTypes() throws IOException {
    List<String> types = new ArrayList<>();
    for (String pkg : PUBLIC_PACKAGES) {
      try (Stream<Path> files = Files.list(CORE.resolve(pkg))) {
        for (Path file : (Iterable<Path>) files.filter(f -> f.toString().endsWith(".java"))::iterator) {
          if (PUBLIC_TYPE.matcher(Files.readString(file, StandardCharsets.UTF_8)).find()) {
            types.add(CORE.relativize(file).toString());
          }
        }
      }
    }
    assertThat(types).as("the counting finds the linter's entry point").contains("lint/Linter.java");
    assertThat(types).as("public top-level types of the public packages; new plumbing goes under internal")
        .hasSizeLessThanOrEqualTo(26);
  }

  @Test
  void internalPackagesNeverImportThePublicOnes() throws IOException {
    List<String> offenders = new ArrayList<>();
    for (Path file : mainSources()) {
      if (file.toString().contains("/internal/")
          && PUBLIC_IMPORT.matcher(Files.readString(file, StandardCharsets.UTF_8)).find()) {
        offenders.add(file.toString());
      }
    }
    assertThat(offenders).as("internal files importing a public package's type").isEmpty();
  }

  @Test
  void noMainFileIsOver400Lines() throws IOException {
    List<String> tooLong = new ArrayList<>();
    for (Path file : mainSources()) {
      long lines = Files.readAllLines(file, StandardCharsets.UTF_8).size();
      if (lines > 400) {
        tooLong.add(file + " (" + lines + " lines)");
      }
    }
    assertThat(tooLong).as("main files over 400 lines: split them by job").isEmpty();
  }

  private static List<Path> mainSources() throws IOException {
    try (Stream<Path> files = Files.walk(ROOT, 12)) {
      return files.filter(f -> f.toString().endsWith(".java"))
          .filter(f -> f.toString().replace('\\', '/').contains("/src/main/java/"))
          .filter(f -> !f.toString().contains("/target/")).toList();
    } finally {
      // Guards against a vacuous pass when run from an unexpected directory.
      assertThat(ROOT.resolve("flyway-zdm-core").resolve(CORE)).isDirectory();
    }
  }
}
