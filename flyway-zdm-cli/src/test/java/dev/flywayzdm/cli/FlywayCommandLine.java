package dev.flywayzdm.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A Flyway command line installed in a folder as its archive lays it out, from the Maven Central jars
 * the build copied ({@code lib/}: flyway-commandline and its dependencies, {@code drivers/}: the
 * PostgreSQL driver), with the flyway-zdm drop-in jar in the folder a test names. Run as Flyway's
 * launcher script runs it: {@code java -cp lib/*:drivers/* org.flywaydb.commandline.Main}.
 */
final class FlywayCommandLine {

  /** Bound on one command line run: a migrate of a few small files takes seconds. */
  private static final long RUN_TIMEOUT_SECONDS = 180;

  private final Path home;

  private FlywayCommandLine(Path home) {
    this.home = home;
  }

  /**
   * @param dropInFolder where the flyway-zdm jar goes, relative to the installation ({@code lib},
   *     {@code drivers} or {@code jars})
   */
  static FlywayCommandLine install(Path home, String dropInFolder) throws IOException {
    Path assembled = Path.of(required("zdm.flywayCommandLine"));
    copyFolder(assembled.resolve("lib"), home.resolve("lib"));
    copyFolder(assembled.resolve("drivers"), home.resolve("drivers"));
    Files.createDirectories(home.resolve("jars"));
    Files.createDirectories(home.resolve("conf"));
    Path dropIn = Path.of(required("zdm.dropInJar"));
    Files.copy(dropIn, home.resolve(dropInFolder).resolve(dropIn.getFileName()));
    return new FlywayCommandLine(home);
  }

  Path home() {
    return home;
  }

  /** Writes a file under the installation (a config file, a migration) and returns its path. */
  Path write(String relative, String text) throws IOException {
    Path file = home.resolve(relative);
    Files.createDirectories(file.getParent());
    return Files.writeString(file, text);
  }

  /** Runs the command line with {@code arguments} and extra environment variables, to its end. */
  Run run(Map<String, String> environment, String... arguments) throws Exception {
    List<String> command = new ArrayList<>(List.of(
        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-cp", home.resolve("lib") + "/*" + java.io.File.pathSeparator + home.resolve("drivers") + "/*",
        "org.flywaydb.commandline.Main"));
    command.addAll(List.of(arguments));
    ProcessBuilder builder = new ProcessBuilder(command).directory(home.toFile()).redirectErrorStream(true);
    // a developer's own FLYWAY_* variables must not reach the run under test
    builder.environment().keySet().removeIf(name -> name.startsWith("FLYWAY_"));
    builder.environment().putAll(environment);
    Process process = builder.start();
    CompletableFuture<String> output = CompletableFuture.supplyAsync(() -> readAll(process.getInputStream()));
    if (!process.waitFor(RUN_TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
      process.destroyForcibly();
      throw new AssertionError("the Flyway command line did not end within " + RUN_TIMEOUT_SECONDS + "s: "
          + String.join(" ", command) + "\n" + output.getNow("(no output yet)"));
    }
    String text = output.get(10, TimeUnit.SECONDS);
    // on the console of whoever runs the test, as the user would see it
    System.out.println("---- flyway " + String.join(" ", arguments) + " (exit " + process.exitValue() + ")\n" + text);
    return new Run(process.exitValue(), text);
  }

  /** What a run printed (standard output and error, interleaved) and how it ended. */
  record Run(int exitCode, String output) {}

  private static String readAll(InputStream in) {
    try (in) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String required(String property) {
    String value = System.getProperty(property);
    if (value == null || value.isBlank()) {
      throw new IllegalStateException("system property " + property + " is not set: run this test through Maven"
          + " (mvn -pl flyway-zdm-cli -am verify), which assembles the Flyway command line and the drop-in jar");
    }
    return value;
  }

  private static void copyFolder(Path from, Path to) throws IOException {
    if (!Files.isDirectory(from)) {
      throw new IllegalStateException(from + " is missing: the build's copy-flyway-commandline step did not run");
    }
    Files.createDirectories(to);
    try (Stream<Path> files = Files.list(from)) {
      for (Path file : files.toList()) {
        Files.copy(file, to.resolve(file.getFileName()), StandardCopyOption.REPLACE_EXISTING);
      }
    }
  }
}
