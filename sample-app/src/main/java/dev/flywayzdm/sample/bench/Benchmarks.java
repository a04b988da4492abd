package dev.flywayzdm.sample.bench;

import dev.flywayzdm.config.ZdmProperties;
import dev.flywayzdm.sample.demo.DemoDatabase;
import dev.flywayzdm.sample.demo.Durations;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.LongAdder;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.configuration.FluentConfiguration;

/**
 * The benchmarks of docs/benchmarks.md that the demo does not cover (the application stall is the
 * demo's report):
 *
 * <pre>
 * scripts/benchmark backfill --rows 1m,10m   # BatchedBackfillMigration vs one UPDATE vs the LIMIT loop
 * scripts/benchmark trigger                  # write throughput with and without the dual-write trigger
 * </pre>
 *
 * Each prints a Markdown table. Options: --url/--user/--password (default: ZDM_TEST_* of
 * scripts/postgres), --batch-size (5000), --max-time per method (10m).
 */
public final class Benchmarks {

  private final String url;
  private final String user;
  private final String password;
  private final int batchSize;
  private final Duration maxTime;
  private final String methods;
  /** Whether only the last tenth of the table still needs the SET (a predicate that matches late). */
  private boolean late;

  private Benchmarks(String url, String user, String password, int batchSize, Duration maxTime, String methods) {
    this.methods = methods;
    this.url = url;
    this.user = user;
    this.password = password;
    this.batchSize = batchSize;
    this.maxTime = maxTime;
  }

  public static void main(String[] args) throws Exception {
    if (args.length == 0 || !(args[0].equals("backfill") || args[0].equals("trigger"))) {
      System.err.println("usage: scripts/benchmark backfill|trigger [--rows 1m,10m] [--methods update,loop,batched] [--shape full|late] [--batch-size 5000] [--max-time 10m] [--url ...]");
      System.exit(2);
    }
    String url = System.getenv("ZDM_TEST_JDBC_URL");
    String user = System.getenv().getOrDefault("ZDM_TEST_USER", "postgres");
    String password = System.getenv().getOrDefault("ZDM_TEST_PASSWORD", "");
    List<Long> sizes = List.of(1_000_000L, 10_000_000L);
    int batch = 5000;
    Duration maxTime = Duration.ofMinutes(10);
    String methods = "update,loop,batched";
    boolean late = false;
    for (int i = 1; i + 1 < args.length; i += 2) {
      switch (args[i]) {
        case "--url" -> url = args[i + 1];
        case "--user" -> user = args[i + 1];
        case "--password" -> password = args[i + 1];
        case "--rows" -> sizes = java.util.Arrays.stream(args[i + 1].split(",")).map(Benchmarks::count).toList();
        case "--batch-size" -> batch = (int) count(args[i + 1]);
        case "--methods" -> methods = args[i + 1];
        case "--shape" -> late = switch (args[i + 1]) {
          case "late" -> true;
          case "full" -> false;
          default -> throw new IllegalArgumentException("--shape " + args[i + 1] + ": expected full (every row) or late (the last 10 %)");
        };
        case "--max-time" -> maxTime = dev.flywayzdm.internal.settings.DurationText.parse("--max-time", args[i + 1]);
        default -> throw new IllegalArgumentException("unknown option " + args[i]);
      }
    }
    if (url == null) {
      throw new IllegalArgumentException("no server: pass --url or eval \"$(scripts/postgres start 17)\"");
    }
    quietLogs();
    Benchmarks benchmarks = new Benchmarks(url, user, password, batch, maxTime, methods);
    benchmarks.late = late;
    if (args[0].equals("backfill")) {
      benchmarks.backfill(sizes);
    } else {
      benchmarks.trigger();
    }
    System.exit(0);
  }

  /** flyway-zdm's progress lines, nothing of Flyway's or the driver's debug output. */
  private static void quietLogs() {
    if (org.slf4j.LoggerFactory.getILoggerFactory() instanceof ch.qos.logback.classic.LoggerContext context) {
      context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME).setLevel(ch.qos.logback.classic.Level.WARN);
      context.getLogger("dev.flywayzdm").setLevel(ch.qos.logback.classic.Level.INFO);
    }
  }

  // ---------------------------------------------------------------- backfill

  private record BackfillResult(String method, long rows, long updated, long nanos, long longestTxMillis,
      long longestWritingMillis, boolean finished) {}

  private void backfill(List<Long> sizes) throws Exception {
    List<BackfillResult> results = new ArrayList<>();
    for (long rows : sizes) {
      if (methods.contains("update")) {
        results.add(backfillOnce(rows, "one UPDATE of every row", this::singleUpdate));
      }
      if (methods.contains("loop")) {
        results.add(backfillOnce(rows, "LIMIT loop (`WHERE id IN (SELECT id ... WHERE display_name IS NULL LIMIT "
            + batchSize + ")`)", this::limitLoop));
      }
      if (methods.contains("batched")) {
        results.add(backfillOnce(rows, "BatchedBackfillMigration (default settings)", this::batchedBackfill));
      }
    }
    System.out.println();
    if (late) {
      System.out.println("Only the last 10 % of each table's rows (by id) needed the SET; rows/s counts those.");
    }
    System.out.println("| rows | method | time | rows/s | longest writing transaction | longest transaction | finished |");
    System.out.println("|---:|---|---:|---:|---:|---:|---|");
    for (BackfillResult r : results) {
      System.out.printf(Locale.ROOT, "| %,d | %s | %s | %,.0f | %s | %s | %s |%n", r.rows(), r.method(), Durations.millis(r.nanos()),
          r.updated() / (r.nanos() / 1e9), Durations.millis(r.longestWritingMillis() * 1_000_000L),
          Durations.millis(r.longestTxMillis() * 1_000_000L),
          r.finished() ? "yes" : String.format(Locale.ROOT, "no: %,d rows after the %s cap", r.updated(), Durations.of(maxTime)));
    }
    System.out.println();
    System.out.println("Rates as a share of the same size's one UPDATE, and time(10x rows)/time(rows) per method:");
    for (BackfillResult r : results) {
      results.stream().filter(u -> u.rows() == r.rows() && u.method().startsWith("one UPDATE")).findFirst().ifPresent(u ->
          System.out.printf(Locale.ROOT, "  %,d rows, %s: %.0f %% of one UPDATE's rows/s%n", r.rows(), r.method(),
              100.0 * (r.updated() / (double) r.nanos()) / (u.updated() / (double) u.nanos())));
      results.stream().filter(b -> b.rows() == r.rows() * 10 && b.method().equals(r.method())).findFirst().ifPresent(b ->
          System.out.printf(Locale.ROOT, "  %s: time(%,d)/time(%,d) = %.1f%n", r.method(), b.rows(), r.rows(),
              b.nanos() / (double) r.nanos()));
    }
  }

  @FunctionalInterface
  private interface Method {
    long run(DemoDatabase database, long deadlineNanos) throws Exception;
  }

  private BackfillResult backfillOnce(long rows, String method, Method body) throws Exception {
    DemoDatabase database = DemoDatabase.recreate(url, user, password, "zdm_bench_backfill");
    try {
      try (Connection connection = database.connect(); Statement statement = connection.createStatement()) {
        statement.execute("CREATE TABLE bench_users (id bigint GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,"
            + " name text NOT NULL, display_name text)");
        statement.execute("INSERT INTO bench_users (name) SELECT 'User ' || g FROM generate_series(1, " + rows + ") AS g");
        if (late) {
          statement.execute("UPDATE bench_users SET display_name = name WHERE id <= " + rows * 9 / 10);
        }
        statement.execute("VACUUM ANALYZE bench_users");
      }
      long todo = late ? rows - rows * 9 / 10 : rows;
      System.out.printf(Locale.ROOT, "backfill %,d rows%s: %s ...%n", rows, late ? " (only the last 10 % need it)" : "", method);
      long start = System.nanoTime();
      long updated;
      long longest;
      long longestWriting;
      String longestQuery;
      try (TransactionWatch watch = new TransactionWatch(database.connect())) {
        updated = body.run(database, start + maxTime.toNanos());
        longest = watch.longestMillis();
        longestWriting = watch.longestWritingMillis();
        longestQuery = watch.longestQuery();
      }
      long nanos = System.nanoTime() - start;
      long left = count(database, "SELECT count(*) FROM bench_users WHERE display_name IS NULL");
      System.out.printf(Locale.ROOT, "  %,d rows in %s, longest writing transaction %d ms, longest transaction %d ms (%s), %,d rows left%n",
          todo - left, Durations.millis(nanos), longestWriting, longest, longestQuery.replaceAll("\\s+", " "), left);
      return new BackfillResult(method, rows, todo - left, nanos, longest, longestWriting, left == 0);
    } finally {
      database.drop();
    }
  }

  private long singleUpdate(DemoDatabase database, long deadline) throws SQLException {
    try (Connection connection = database.connect(); Statement statement = connection.createStatement()) {
      return statement.executeUpdate("UPDATE bench_users SET display_name = name WHERE display_name IS NULL");
    }
  }

  /** The loop most guides show: each batch finds its rows with a scan from the start of the table. */
  private long limitLoop(DemoDatabase database, long deadline) throws SQLException {
    long total = 0;
    try (Connection connection = database.connect();
        PreparedStatement batch = connection.prepareStatement("""
            UPDATE bench_users SET display_name = name
            WHERE id IN (SELECT id FROM bench_users WHERE display_name IS NULL LIMIT ?)""")) {
      batch.setInt(1, batchSize);
      int updated;
      do {
        updated = batch.executeUpdate();
        total += updated;
      } while (updated > 0 && System.nanoTime() < deadline);
    }
    return total;
  }

  private long batchedBackfill(DemoDatabase database, long deadline) {
    FluentConfiguration configuration = Flyway.configure()
        .dataSource(database.url(), database.user(), database.password())
        .locations("classpath:dev/flywayzdm/sample/bench/backfill")
        .baselineOnMigrate(true)
        .baselineVersion("0");
    // The session lock, as the sample service uses it: the default transactional lock would be an
    // open transaction for the whole run, which the transaction watch would (rightly) report.
    // Default settings: the batch size adapts to the default target duration.
    ZdmProperties.configure(configuration, Map.of("flyway.postgresql.transactional.lock", "false"));
    configuration.load().migrate();
    return -1;
  }

  // ---------------------------------------------------------------- dual-write trigger

  private void trigger() throws Exception {
    DemoDatabase database = DemoDatabase.recreate(url, user, password, "zdm_bench_trigger");
    try {
      try (Connection connection = database.connect(); Statement statement = connection.createStatement()) {
        statement.execute("CREATE TABLE bench_users (id bigint GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,"
            + " name text NOT NULL)");
        statement.execute("INSERT INTO bench_users (name) SELECT 'User ' || g FROM generate_series(1, 100000) AS g");
        statement.execute("VACUUM ANALYZE bench_users");
      }
      String[] without = writeRates(database);
      Flyway.configure().dataSource(database.url(), database.user(), database.password())
          .locations("classpath:dev/flywayzdm/sample/bench/dualwrite").baselineOnMigrate(true).baselineVersion("0")
          .load().migrate();
      String[] with = writeRates(database);
      System.out.println();
      System.out.println("| workload | without trigger | with the dual-write trigger |");
      System.out.println("|---|---:|---:|");
      System.out.println("| single-row INSERTs, 4 connections, 10 s | " + without[0] + " | " + with[0] + " |");
      System.out.println("| single-row UPDATEs by id, 4 connections, 10 s | " + without[1] + " | " + with[1] + " |");
      System.out.println("| one INSERT ... SELECT of 1,000,000 rows | " + without[2] + " | " + with[2] + " |");
    } finally {
      database.drop();
    }
  }

  private String[] writeRates(DemoDatabase database) throws Exception {
    double inserts = concurrentRate(database, "INSERT INTO bench_users (name) VALUES (?)",
        (statement, random) -> statement.setString(1, "someone"));
    double updates = concurrentRate(database, "UPDATE bench_users SET name = ? WHERE id = ?", (statement, random) -> {
      statement.setString(1, "renamed " + random.nextInt(1000));
      statement.setLong(2, 1 + random.nextInt(100_000));
    });
    long start = System.nanoTime();
    try (Connection connection = database.connect(); Statement statement = connection.createStatement()) {
      statement.execute("INSERT INTO bench_users (name) SELECT 'Bulk ' || g FROM generate_series(1, 1000000) AS g");
    }
    double bulk = 1_000_000 / ((System.nanoTime() - start) / 1e9);
    return new String[] {
      String.format(Locale.ROOT, "%,.0f rows/s", inserts),
      String.format(Locale.ROOT, "%,.0f rows/s", updates),
      String.format(Locale.ROOT, "%,.0f rows/s", bulk)};
  }

  @FunctionalInterface
  private interface Parameters {
    void set(PreparedStatement statement, java.util.SplittableRandom random) throws SQLException;
  }

  private double concurrentRate(DemoDatabase database, String sql, Parameters parameters) throws Exception {
    AtomicBoolean running = new AtomicBoolean(true);
    LongAdder done = new LongAdder();
    List<Thread> threads = new ArrayList<>();
    for (int i = 0; i < 4; i++) {
      Connection connection = database.connect();
      java.util.SplittableRandom random = new java.util.SplittableRandom(31L * (i + 1));
      Thread thread = new Thread(() -> {
        try (connection; PreparedStatement statement = connection.prepareStatement(sql)) {
          while (running.get()) {
            parameters.set(statement, random);
            statement.executeUpdate();
            done.increment();
          }
        } catch (SQLException e) {
          throw new IllegalStateException(e);
        }
      });
      threads.add(thread);
    }
    long start = System.nanoTime();
    threads.forEach(Thread::start);
    Thread.sleep(10_000);
    running.set(false);
    for (Thread thread : threads) {
      thread.join(30_000);
    }
    return done.sum() / ((System.nanoTime() - start) / 1e9);
  }

  private static long count(DemoDatabase database, String sql) throws SQLException {
    try (Connection connection = database.connect(); Statement statement = connection.createStatement();
        ResultSet rows = statement.executeQuery(sql)) {
      rows.next();
      return rows.getLong(1);
    }
  }

  private static long count(String text) {
    String t = text.trim().toLowerCase(Locale.ROOT).replace("_", "").replace(",", "");
    long factor = t.endsWith("m") ? 1_000_000 : t.endsWith("k") ? 1_000 : 1;
    return Long.parseLong(factor == 1 ? t : t.substring(0, t.length() - 1)) * factor;
  }
}
