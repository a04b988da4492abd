package dev.flywayzdm.callback;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes a migration history in the shape of a project that lived for years before it adopted
 * flyway-zdm: an initial schema with enum types, a domain, views and SQL-standard function bodies
 * ({@code RETURN ...}, {@code BEGIN ATOMIC}), then hundreds of small migrations that create tables,
 * widen their types, drop columns of tables created a few files earlier, add enum values, replace
 * views and drop a type with CASCADE. Nothing in it is destructive to an application that was
 * running before the first file: on a fresh database every object it touches is new.
 */
final class LongLivedHistory {

  /** Tables created after the initial schema, each then changed by three later migrations. */
  static final int FEATURE_TABLES = 60;

  private final List<String> files = new ArrayList<>();

  private LongLivedHistory() {}

  /**
   * The history, with {@code extra} migrations appended after it (in order, as {@code description -> sql}).
   * SQL-standard routine bodies need PostgreSQL 14: on 13 the same routines get string bodies.
   */
  static LongLivedHistory write(Path directory, int serverVersionNum, List<String[]> extra) {
    boolean sqlStandardBodies = serverVersionNum >= 140_000;
    LongLivedHistory history = new LongLivedHistory();
    history.add("initial_schema", """
        CREATE TYPE order_status AS ENUM ('new', 'paid', 'shipped');
        CREATE TYPE legacy_kind AS ENUM ('a', 'b');
        CREATE DOMAIN email_address AS text CHECK (VALUE LIKE '%@%');
        CREATE TABLE customers (
          id serial PRIMARY KEY,
          name varchar(50) NOT NULL,
          email email_address,
          last_ip cidr,
          balance numeric(10, 2) DEFAULT 0,
          kind legacy_kind,
          legacy_flag boolean,
          created_at timestamp DEFAULT now()
        );
        CREATE TABLE orders (
          id serial PRIMARY KEY,
          customer_id int REFERENCES customers (id),
          status order_status NOT NULL DEFAULT 'new',
          note varchar(200),
          total numeric(10, 2)
        );
        CREATE INDEX orders_customer_id ON orders (customer_id);
        CREATE VIEW customer_names AS SELECT id, name FROM customers;
        """ + (sqlStandardBodies ? """
        CREATE FUNCTION normalized_email(e text) RETURNS text LANGUAGE sql IMMUTABLE
          RETURN lower(trim(e));
        CREATE FUNCTION order_count(c int) RETURNS bigint LANGUAGE sql STABLE
        BEGIN ATOMIC
          SELECT count(*) FROM orders WHERE customer_id = c;
        END;
        """ : """
        CREATE FUNCTION normalized_email(e text) RETURNS text LANGUAGE sql IMMUTABLE AS 'SELECT lower(trim(e))';
        CREATE FUNCTION order_count(c int) RETURNS bigint LANGUAGE sql STABLE
          AS $$ SELECT count(*) FROM orders WHERE customer_id = c $$;
        """) + """
        CREATE FUNCTION touch_note() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
          NEW.note := coalesce(NEW.note, 'drop column never; truncate never');
          RETURN NEW;
        END $$;
        CREATE TRIGGER orders_touch BEFORE INSERT ON orders FOR EACH ROW EXECUTE FUNCTION touch_note();
        """);
    for (int t = 1; t <= FEATURE_TABLES; t++) {
      history.add("create_feature_" + t, "CREATE TABLE feature_" + t + " (\n  id bigserial PRIMARY KEY,\n"
          + "  code varchar(20) NOT NULL,\n  title varchar(40),\n  amount numeric(8, 2),\n  legacy int\n);\n"
          + "CREATE INDEX feature_" + t + "_code ON feature_" + t + " (code);\n"
          + "INSERT INTO feature_" + t + " (code, title, amount, legacy) VALUES ('c" + t + "', 't', 1.5, 1);\n");
    }
    for (int t = 1; t <= FEATURE_TABLES; t++) {
      history.add("widen_feature_" + t, "ALTER TABLE feature_" + t + " ALTER COLUMN code TYPE varchar(100);\n"
          + "ALTER TABLE feature_" + t + " ALTER COLUMN title TYPE text;\n"
          + "ALTER TABLE feature_" + t + " ALTER COLUMN amount TYPE numeric(12, 2);\n");
    }
    for (int t = 1; t <= FEATURE_TABLES; t++) {
      history.add("drop_legacy_of_feature_" + t, "ALTER TABLE feature_" + t + " DROP COLUMN legacy;\n"
          + "ALTER TABLE feature_" + t + " ADD COLUMN updated_at timestamptz;\n");
    }
    for (int t = 1; t <= FEATURE_TABLES; t++) {
      history.add("rename_title_of_feature_" + t, "ALTER TABLE feature_" + t + " RENAME COLUMN title TO headline;\n");
    }
    history.add("add_refunded_status", "ALTER TYPE order_status ADD VALUE 'refunded';\n");
    history.add("widen_customers", """
        DROP VIEW customer_names; -- PostgreSQL refuses a type change of a column a view reads
        ALTER TABLE customers ALTER COLUMN name TYPE text;
        ALTER TABLE customers ALTER COLUMN last_ip TYPE inet;
        ALTER TABLE customers ALTER COLUMN balance TYPE numeric(14, 2);
        ALTER TABLE orders ALTER COLUMN note TYPE varchar(500);
        """);
    history.add("replace_view", """
        CREATE VIEW customer_names AS SELECT id, name, email FROM customers;
        CREATE VIEW order_totals AS SELECT customer_id, sum(total) AS total FROM orders GROUP BY customer_id;
        """);
    history.add("drop_legacy_kind", """
        DROP TYPE legacy_kind CASCADE;
        ALTER TABLE customers DROP COLUMN legacy_flag;
        """);
    history.add("rename_and_truncate_scratch", """
        CREATE TABLE import_scratch (line text);
        TRUNCATE import_scratch;
        ALTER TABLE import_scratch RENAME TO import_buffer;
        DROP TABLE import_buffer;
        """);
    history.add("procedures", (sqlStandardBodies ? """
        CREATE PROCEDURE archive_orders() LANGUAGE sql
        BEGIN ATOMIC
          UPDATE orders SET note = 'archived' WHERE status = 'shipped';
        END;
        """ : """
        CREATE PROCEDURE archive_orders() LANGUAGE sql
          AS $$ UPDATE orders SET note = 'archived' WHERE status = 'shipped' $$;
        """) + "CALL archive_orders();\n");
    for (String[] migration : extra) {
      history.add(migration[0], migration[1]);
    }
    history.writeTo(directory);
    return history;
  }

  /** How many migrations the history holds. */
  int size() {
    return files.size();
  }

  private void add(String description, String sql) {
    files.add("V" + (files.size() + 1) + "__" + description + ".sql\n" + sql);
  }

  private void writeTo(Path directory) {
    try {
      Files.createDirectories(directory);
      for (String file : files) {
        int newline = file.indexOf('\n');
        Files.writeString(directory.resolve(file.substring(0, newline)), file.substring(newline + 1));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
