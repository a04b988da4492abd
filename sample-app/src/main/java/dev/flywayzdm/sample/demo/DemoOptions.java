package dev.flywayzdm.sample.demo;

import dev.flywayzdm.internal.settings.DurationText;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The demo's command line, parsed and validated once.
 *
 * @param rows users to load, and as many orders
 * @param url a PostgreSQL JDBC URL of a database the user can connect to; the demo creates its own
 *     databases beside it
 * @param modes which runs to make, in order
 * @param trafficThreads application threads
 * @param opsPerSecond calls per second per application thread
 * @param blocker how long the reporting transaction holds its lock during the first schema change
 * @param lockTimeout flyway-zdm's lock_timeout for the run (flyway.zdm.lockTimeout)
 * @param soak flyway-zdm's soak before a contract step (flyway.zdm.soak)
 * @param out where report.md and latency.png go
 * @param databasePrefix the demo's databases are {@code <prefix>_naive} and {@code <prefix>_zdm}
 * @param dropDatabases drop the demo's databases at the end (kept by default, to look around)
 */
record DemoOptions(
    long rows,
    String url,
    String user,
    String password,
    List<Mode> modes,
    int trafficThreads,
    int opsPerSecond,
    Duration blocker,
    Duration lockTimeout,
    Duration soak,
    Path out,
    String databasePrefix,
    boolean dropDatabases) {

  /** A run of the demo: the same schema changes as plain SQL, or through flyway-zdm. */
  enum Mode {
    NAIVE("naive", "plain SQL, plain Flyway"),
    ZDM("zdm", "flyway-zdm");

    final String id;
    final String title;

    Mode(String id, String title) {
      this.id = id;
      this.title = title;
    }
  }

  static final String USAGE = """
      usage: scripts/demo [options]

        --rows N               users to load, and as many orders (default 1,000,000)
        --compare              run naive, then flyway-zdm, on two databases; report side by side (default)
        --naive                only the naive run: the same schema changes as plain SQL, plain Flyway
        --zdm                  only the flyway-zdm run
        --url JDBC_URL         PostgreSQL to use (a database you can connect to); the demo creates
                               <prefix>_naive and <prefix>_zdm beside it. Without it scripts/demo
                               starts a throwaway PostgreSQL 17 with scripts/postgres
        --user NAME            (default postgres)   --password SECRET
        --traffic-threads N    application threads (default 4)
        --ops-per-second N     calls per second per thread (default 100)
        --blocker DURATION     how long a reporting transaction holds its lock on users during the
                               first schema change (default 8s; 0 for none)
        --lock-timeout D       flyway-zdm's lock_timeout (default 1s)
        --soak DURATION        flyway-zdm's soak before the contract steps (default 5s)
        --out DIR              report.md and latency.png (default target/zdm-demo)
        --database-prefix P    (default zdm_demo)
        --drop-databases       drop the demo's databases at the end
      Durations: 500ms, 5s, 2m, or ISO-8601 (PT5S).
      """;

  static DemoOptions parse(String... args) {
    long rows = 1_000_000;
    String url = System.getenv("ZDM_TEST_JDBC_URL");
    String user = System.getenv().getOrDefault("ZDM_TEST_USER", "postgres");
    String password = System.getenv().getOrDefault("ZDM_TEST_PASSWORD", "");
    List<Mode> modes = List.of(Mode.NAIVE, Mode.ZDM);
    int threads = 4;
    int rate = 100;
    Duration blocker = Duration.ofSeconds(8);
    Duration lockTimeout = Duration.ofSeconds(1);
    Duration soak = Duration.ofSeconds(5);
    Path out = Path.of("target", "zdm-demo");
    String prefix = "zdm_demo";
    boolean drop = false;
    List<String> rest = new ArrayList<>(List.of(args));
    while (!rest.isEmpty()) {
      String option = rest.remove(0);
      String inline = null;
      int eq = option.indexOf('=');
      if (option.startsWith("--") && eq > 0) {
        inline = option.substring(eq + 1);
        option = option.substring(0, eq);
      }
      switch (option) {
        case "--compare" -> modes = List.of(Mode.NAIVE, Mode.ZDM);
        case "--naive" -> modes = List.of(Mode.NAIVE);
        case "--zdm" -> modes = List.of(Mode.ZDM);
        case "--drop-databases" -> drop = true;
        case "--rows" -> rows = positive(option, value(option, inline, rest));
        case "--url" -> url = value(option, inline, rest);
        case "--user" -> user = value(option, inline, rest);
        case "--password" -> password = value(option, inline, rest);
        case "--traffic-threads" -> threads = (int) positive(option, value(option, inline, rest));
        case "--ops-per-second" -> rate = (int) positive(option, value(option, inline, rest));
        case "--blocker" -> blocker = duration(option, value(option, inline, rest));
        case "--lock-timeout" -> lockTimeout = duration(option, value(option, inline, rest));
        case "--soak" -> soak = duration(option, value(option, inline, rest));
        case "--out" -> out = Path.of(value(option, inline, rest));
        case "--database-prefix" -> prefix = value(option, inline, rest);
        case "--help", "-h" -> throw new UsageException(null);
        default -> throw new UsageException("unknown option '" + option + "'");
      }
    }
    if (url == null || url.isBlank()) {
      throw new UsageException("no PostgreSQL given: pass --url jdbc:postgresql://host:port/postgres, "
          + "or start one with: eval \"$(scripts/postgres start 17)\" (scripts/demo does this for you)");
    }
    if (lockTimeout.isZero()) {
      throw new UsageException("--lock-timeout must be greater than 0");
    }
    return new DemoOptions(rows, url, user, password, modes, threads, rate, blocker, lockTimeout, soak, out, prefix, drop);
  }

  private static String value(String option, String inline, List<String> rest) {
    if (inline != null) {
      return inline;
    }
    if (rest.isEmpty()) {
      throw new UsageException(option + " needs a value");
    }
    return rest.remove(0);
  }

  private static long positive(String option, String text) {
    try {
      long value = Long.parseLong(text.replace("_", "").replace(",", "").toLowerCase(Locale.ROOT)
          .replace("k", "000").replace("m", "000000"));
      if (value < 1) {
        throw new UsageException(option + " = " + text + ": expected a whole number of at least 1");
      }
      return value;
    } catch (NumberFormatException e) {
      throw new UsageException(option + " = " + text + ": expected a whole number such as 20000, 20_000, 20k or 1m");
    }
  }

  private static Duration duration(String option, String text) {
    try {
      return DurationText.parse(option, text.equals("0") ? "0s" : text);
    } catch (IllegalArgumentException e) {
      throw new UsageException(e.getMessage());
    }
  }

  /** A command line the demo cannot run; the message says what to change, USAGE follows. */
  static final class UsageException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    UsageException(String message) {
      super(message);
    }
  }
}
