package dev.flywayzdm.lint;

import java.util.ArrayList;
import java.util.List;

/**
 * Lints 10,000 generated statements (100 migrations of 100 statements, a mix of DDL, DML, DO blocks
 * and functions) several times and prints statements per second. A plain main, not a test: timing
 * on a shared machine is not a pass/fail criterion. See docs/benchmarks.md for how to run it.
 */
public final class LintThroughputBenchmark {

  private static final int FILES = 100;
  private static final int STATEMENTS_PER_FILE = 100;
  private static final int ROUNDS = 20;

  private LintThroughputBenchmark() {}

  public static void main(String[] args) {
    List<MigrationSource> sources = generate();
    Linter linter = Linter.withDefaults();
    for (int warmup = 0; warmup < 5; warmup++) {
      linter.lint(sources);
    }
    long best = Long.MAX_VALUE;
    long total = 0;
    LintReport report = null;
    for (int round = 0; round < ROUNDS; round++) {
      long start = System.nanoTime();
      report = linter.lint(sources);
      long elapsed = System.nanoTime() - start;
      best = Math.min(best, elapsed);
      total += elapsed;
    }
    int statements = report.statements();
    System.out.printf("linted %d statements in %d files, %d rounds%n", statements, report.files(), ROUNDS);
    System.out.printf("mean: %.1f ms per round, %,.0f statements/s%n", total / 1e6 / ROUNDS,
        statements / (total / 1e9 / ROUNDS));
    System.out.printf("best: %.1f ms per round, %,.0f statements/s%n", best / 1e6, statements / (best / 1e9));
    System.out.println(report.summary());
  }

  static List<MigrationSource> generate() {
    String[] templates = {
        "CREATE TABLE t%1$d (id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY, note varchar(20), payload jsonb)",
        "CREATE INDEX t%1$d_note_idx ON t%1$d (note)",
        "ALTER TABLE orders ADD COLUMN c%1$d text DEFAULT 'x'",
        "ALTER TABLE orders ADD CONSTRAINT orders_c%1$d_fk FOREIGN KEY (c%1$d) REFERENCES customers (id) NOT VALID",
        "UPDATE orders SET c%1$d = 'y' WHERE id BETWEEN %1$d AND %1$d + 1000",
        "INSERT INTO audit_log (what, at) VALUES ('step %1$d; done', now())",
        "CREATE INDEX CONCURRENTLY orders_c%1$d_idx ON orders (c%1$d)",
        "ALTER TABLE orders ALTER COLUMN c%1$d TYPE text",
        "DO $$ BEGIN IF NOT EXISTS (SELECT 1 FROM pg_class WHERE relname = 'x%1$d') THEN "
            + "ALTER TABLE orders ADD COLUMN x%1$d int; END IF; END $$",
        "CREATE OR REPLACE FUNCTION f%1$d() RETURNS trigger LANGUAGE plpgsql AS $fn$ BEGIN "
            + "NEW.c%1$d := lower(NEW.c%1$d); RETURN NEW; END $fn$",
    };
    List<MigrationSource> sources = new ArrayList<>();
    int n = 0;
    for (int file = 1; file <= FILES; file++) {
      StringBuilder sql = new StringBuilder("-- generated migration ").append(file).append('\n');
      for (int i = 0; i < STATEMENTS_PER_FILE; i++, n++) {
        sql.append(String.format(templates[n % templates.length], n)).append(";\n");
      }
      sources.add(MigrationSource.of("V" + file + "__generated.sql", sql.toString()));
    }
    return sources;
  }
}
