package dev.flywayzdm.sample.demo;

import java.nio.file.Path;
import java.time.Duration;
import java.time.format.DateTimeParseException;
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
 * @param lockAttemptTimeout flyway-zdm's short lock attempts (flyway.zdm.lockAttemptTimeout); the
 *     "before" run uses 0
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
    Duration lockAttemptTimeout,
    Duration soak,
    Path out,
    String databasePrefix,
    boolean dropDatabases) {

  /**
   * A run of the demo: the same schema changes as plain SQL, or through flyway-zdm; and, for the
   * before/after comparison, flyway-zdm without lock attempts ({@code flyway.zdm.lockAttemptTimeout=0}:
   * each try of a statement waits a whole lock_timeout) on the steps under the reporting transaction.
   */
  enum Mode {
    NAIVE("naive", "plain SQL, plain Flyway"),
    ZDM_BEFORE("zdm_before", "flyway-zdm before (a whole lock_timeout per try)"),
    ZDM("zdm", "flyway-zdm");

    final String id;
    final String title;

    boolean zdm() {
      return this != NAIVE;
    }

    Mode(String id, String title) {
      this.id = id;
      this.title = title;
    }
  }

  static final String USAGE = """
      usage: scripts/demo [options]

        --rows N               users to load, and as many orders (default 1,000,000)
        --compare              run naive, then flyway-zdm, on two databases; report side by side (default);
                               with a "before" run in between: flyway-zdm without short lock attempts
                               (lockAttemptTimeout=0), the steps under the reporting transaction only
        --no-before            --compare without the "before" run
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
        --lock-attempt-timeout D  flyway-zdm's short lock attempts (default 100ms, the library's default)
        --soak DURATION        flyway-zdm's soak before the contract steps (default 5s)
        --out DIR              report.md and latency.png (default target/zdm-demo)
        --database-prefix P    (default zdm_demo)
        --drop-databases       drop the demo's databases at the end
      Durations: 500ms, 5s, 2m, 1h, 0 or ISO-8601 (PT5S).
      """;

  static DemoOptions parse(String... args) {
    long rows = 1_000_000;
    String url = System.getenv("ZDM_TEST_JDBC_URL");
    String user = System.getenv().getOrDefault("ZDM_TEST_USER", "postgres");
    String password = System.getenv().getOrDefault("ZDM_TEST_PASSWORD", "");
    List<Mode> modes = List.of(Mode.NAIVE, Mode.ZDM_BEFORE, Mode.ZDM);
    boolean before = true;
    int threads = 4;
    int rate = 100;
    Duration blocker = Duration.ofSeconds(8);
    Duration lockTimeout = Duration.ofSeconds(1);
    Duration lockAttemptTimeout = Duration.ofMillis(100);
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
        case "--compare" -> modes = List.of(Mode.NAIVE, Mode.ZDM_BEFORE, Mode.ZDM);
        case "--no-before" -> before = false;
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
        case "--lock-attempt-timeout" -> lockAttemptTimeout = duration(option, value(option, inline, rest));
        case "--soak" -> soak = duration(option, value(option, inline, rest));
        case "--out" -> out = Path.of(value(option, inline, rest));
        case "--database-prefix" -> prefix = value(option, inline, rest);
        case "--help", "-h" -> throw new UsageException(null);
        default -> throw new UsageException("unknown option '" + option + "'");
      }
    }
    if (!before) {
      modes = modes.stream().filter(mode -> mode != Mode.ZDM_BEFORE).toList();
    }
    if (url == null || url.isBlank()) {
      throw new UsageException("no PostgreSQL given: pass --url jdbc:postgresql://host:port/postgres, "
          + "or start one with: eval \"$(scripts/postgres start 17)\" (scripts/demo does this for you)");
    }
    if (!url.startsWith("jdbc:postgresql://")) {
      throw new UsageException("--url " + url + " is not a PostgreSQL JDBC URL: expected jdbc:postgresql://host:port/database");
    }
    if (lockTimeout.isZero()) {
      throw new UsageException("--lock-timeout must be greater than 0");
    }
    if (lockAttemptTimeout.isZero()) {
      throw new UsageException("--lock-attempt-timeout must be greater than 0 (the \"before\" run is the one without attempts)");
    }
    return new DemoOptions(rows, url, user, password, modes, threads, rate, blocker, lockTimeout, lockAttemptTimeout, soak,
        out, prefix, drop);
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

  /**
   * {@code 500ms}, {@code 5s}, {@code 2m}, {@code 1h}, {@code 0} or ISO-8601. Parsed here, not by
   * flyway-zdm: scripts/demo checks the options with this file alone, before it starts or builds anything.
   */
  private static Duration duration(String option, String text) {
    String value = text.trim().toLowerCase(Locale.ROOT);
    try {
      if (value.equals("0")) {
        return Duration.ZERO;
      }
      if (value.startsWith("p")) {
        return nonNegative(option, text, Duration.parse(value.toUpperCase(Locale.ROOT)));
      }
      for (String unit : List.of("ms", "s", "m", "h")) {
        if (value.endsWith(unit) && value.length() > unit.length()
            && value.substring(0, value.length() - unit.length()).chars().allMatch(Character::isDigit)) {
          long amount = Long.parseLong(value.substring(0, value.length() - unit.length()));
          return switch (unit) {
            case "ms" -> Duration.ofMillis(amount);
            case "s" -> Duration.ofSeconds(amount);
            case "m" -> Duration.ofMinutes(amount);
            default -> Duration.ofHours(amount);
          };
        }
      }
    } catch (NumberFormatException | DateTimeParseException | ArithmeticException e) {
      // falls through to the usage error
    }
    throw new UsageException(option + " = " + text + ": expected a duration such as 500ms, 5s, 2m, 1h, 0 or PT5S");
  }

  private static Duration nonNegative(String option, String text, Duration duration) {
    if (duration.isNegative()) {
      throw new UsageException(option + " = " + text + ": must not be negative");
    }
    return duration;
  }

  /**
   * {@code java DemoOptions.java --check ARGS}: checks the demo's options and exits 0 when they are
   * fine, or prints what to change and the usage and exits 2. scripts/demo runs it before it starts
   * PostgreSQL or builds; a missing {@code --url} is fine then (the script supplies one).
   */
  public static void main(String[] args) {
    List<String> rest = new ArrayList<>(List.of(args));
    rest.remove("--check");
    if (rest.stream().noneMatch(a -> a.equals("--url") || a.startsWith("--url="))) {
      rest.add("--url=jdbc:postgresql://started-by-scripts-demo/postgres");
    }
    try {
      parse(rest.toArray(String[]::new));
    } catch (UsageException e) {
      if (e.getMessage() != null) {
        System.err.println("demo: " + e.getMessage());
      }
      System.err.print(USAGE);
      System.exit(e.getMessage() == null ? 0 : 2);
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
