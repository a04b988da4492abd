package dev.flywayzdm.callback;

import dev.flywayzdm.testsupport.TestDatabase;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A PgBouncer in transaction pooling mode in front of the test database, started with the test
 * bed's {@code scripts/pgbouncer} on a free loopback port and stopped on {@link #close()}. Never
 * skips: without the package the start fails with the install command.
 */
final class PgBouncer implements AutoCloseable {

  private final Path script;
  private final Map<String, String> environment;
  private final int port;

  private PgBouncer(Path script, Map<String, String> environment, int port) {
    this.script = script;
    this.environment = environment;
    this.port = port;
  }

  /** @param serverPool PgBouncer's server connections per database ({@code default_pool_size}) */
  static PgBouncer start(TestDatabase db, int serverPool) throws IOException, InterruptedException {
    Path script = findScript();
    int port;
    try (ServerSocket free = new ServerSocket(0)) {
      port = free.getLocalPort();
    }
    URI server = URI.create(db.jdbcUrl().substring("jdbc:".length()));
    Path runDir = Files.createTempDirectory("zdm-pgbouncer-");
    Files.delete(runDir);
    Map<String, String> environment = Map.of(
        "ZDM_PGBOUNCER_PORT", Integer.toString(port),
        "ZDM_PGBOUNCER_TARGET_PORT", Integer.toString(server.getPort()),
        "ZDM_PGBOUNCER_RUN_DIR", runDir.toString(),
        "ZDM_PGBOUNCER_POOL_SIZE", Integer.toString(serverPool));
    PgBouncer bouncer = new PgBouncer(script, environment, port);
    bouncer.run("start");
    return bouncer;
  }

  /** The test database through PgBouncer; prepareThreshold=0: PgBouncer before 1.21 cannot carry prepared statements. */
  String jdbcUrl(TestDatabase db) {
    return "jdbc:postgresql://127.0.0.1:" + port + "/" + db.name() + "?prepareThreshold=0";
  }

  @Override
  public void close() throws IOException, InterruptedException {
    run("stop");
  }

  private String run(String command) throws IOException, InterruptedException {
    ProcessBuilder builder = new ProcessBuilder("bash", script.toString(), command).redirectErrorStream(true);
    builder.environment().putAll(environment);
    Process process = builder.start();
    if (!process.waitFor(60, TimeUnit.SECONDS)) {
      process.destroyForcibly();
      throw new IllegalStateException("scripts/pgbouncer " + command + " did not finish within 60 s");
    }
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (process.exitValue() != 0) {
      throw new IllegalStateException("scripts/pgbouncer " + command + " failed (the PgBouncer tests never skip; install"
          + " it with: apt-get update && apt-get install -y pgbouncer):\n" + output);
    }
    return output;
  }

  private static Path findScript() {
    for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
      Path candidate = dir.resolve("scripts/pgbouncer");
      if (Files.isRegularFile(candidate)) {
        return candidate;
      }
    }
    throw new IllegalStateException("scripts/pgbouncer not found above " + Path.of("").toAbsolutePath());
  }
}
