package dev.flywayzdm.lint;

import java.util.Arrays;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Every rule of the linter, with the text users see.
 *
 * <p>The kebab-case {@link #id()} is public API: suppression comments, settings and CI scripts refer
 * to it. Never rename one; retire it instead.
 */
public enum RuleId {
  SYNTAX_ERROR("syntax-error", Severity.ERROR,
      "The file cannot be read as SQL",
      "An unterminated string, quoted identifier, dollar-quoted body or comment swallows the rest of the"
          + " file, so PostgreSQL would reject it and nothing after it was checked.",
      "Close the string, identifier, dollar quote or comment that starts at the reported place.",
      null),
  REQUIRE_CONCURRENT_INDEX_CREATION("require-concurrent-index-creation", Severity.ERROR,
      "CREATE INDEX without CONCURRENTLY blocks writes to the table while the index is built",
      "A plain CREATE INDEX takes a SHARE lock: reads go on, but every INSERT, UPDATE and DELETE on the"
          + " table waits until the whole table has been scanned and sorted, minutes on a large table.",
      "Use CREATE INDEX CONCURRENTLY in a migration of its own (Flyway then runs it outside a"
          + " transaction), or let ConcurrentIndexMigration build it and rebuild an invalid leftover.",
      "ConcurrentIndexMigration"),
  REQUIRE_CONCURRENT_INDEX_DELETION("require-concurrent-index-deletion", Severity.ERROR,
      "DROP INDEX without CONCURRENTLY blocks reads and writes of the indexed table",
      "A plain DROP INDEX takes an ACCESS EXCLUSIVE lock on the index's table. It is quick once granted,"
          + " but while it waits behind a long query every new query on the table queues behind it.",
      "Use DROP INDEX CONCURRENTLY IF EXISTS in a migration of its own (it cannot run in a transaction).",
      "ConcurrentIndexMigration"),
  REQUIRE_CONCURRENT_REINDEX("require-concurrent-reindex", Severity.ERROR,
      "REINDEX without CONCURRENTLY blocks writes to the table and every query that uses the index",
      "A plain REINDEX locks the table against writes (SHARE) and takes an ACCESS EXCLUSIVE lock on each"
          + " index it rebuilds, so queries planning to use that index wait for the whole rebuild.",
      "Use REINDEX ... CONCURRENTLY (PostgreSQL 12+) in a migration whose .sql.conf says"
          + " executeInTransaction=false.",
      null),
  CONCURRENTLY_IN_TRANSACTION("concurrently-in-transaction", Severity.ERROR,
      "A CONCURRENTLY operation here runs inside a transaction, where PostgreSQL refuses it",
      "CREATE/DROP INDEX CONCURRENTLY, REINDEX CONCURRENTLY and DETACH PARTITION CONCURRENTLY must run"
          + " outside a transaction block. Flyway wraps a SQL file in a transaction unless every statement"
          + " in it is one its parser knows to be non-transactional, and a DO block or function is always"
          + " inside one: the migration fails.",
      "Put the statement alone in its own migration; for REINDEX INDEX/TABLE and DETACH PARTITION add a"
          + " V<n>__name.sql.conf with executeInTransaction=false, since Flyway does not recognise them.",
      "ConcurrentIndexMigration"),
  MIXED_TRANSACTION_MODES("mixed-transaction-modes", Severity.ERROR,
      "The file mixes statements that must run outside a transaction with ordinary ones",
      "Flyway refuses such a file unless flyway.mixed=true, and with mixed=true it runs every statement in"
          + " autocommit: a failure halfway leaves the schema half migrated and the SET LOCAL settings"
          + " (like lock_timeout) without effect.",
      "Split the file: one migration for the non-transactional statement, one for the rest.",
      null),
  FOREIGN_KEY_MISSING_NOT_VALID("foreign-key-missing-not-valid", Severity.ERROR,
      "Adding a FOREIGN KEY without NOT VALID blocks writes to both tables while every row is checked",
      "ADD FOREIGN KEY takes a SHARE ROW EXCLUSIVE lock on the table and the referenced table and holds"
          + " it while it scans the whole table to check existing rows: no INSERT, UPDATE or DELETE on"
          + " either table until the scan ends.",
      "Add the constraint with NOT VALID (new rows are checked at once, no scan), then run"
          + " VALIDATE CONSTRAINT in a later migration: it takes only a SHARE UPDATE EXCLUSIVE lock.",
      "ValidatedConstraintMigration"),
  CHECK_CONSTRAINT_MISSING_NOT_VALID("check-constraint-missing-not-valid", Severity.ERROR,
      "Adding a CHECK constraint without NOT VALID blocks reads and writes while every row is checked",
      "ADD CONSTRAINT ... CHECK holds an ACCESS EXCLUSIVE lock on the table for the full scan that proves"
          + " existing rows satisfy it: even SELECTs wait.",
      "Add the constraint with NOT VALID, then VALIDATE CONSTRAINT in a later migration (SHARE UPDATE"
          + " EXCLUSIVE: reads and writes continue).",
      "ValidatedConstraintMigration"),
  VALIDATE_IN_SAME_TRANSACTION("validate-in-same-transaction", Severity.ERROR,
      "VALIDATE CONSTRAINT runs in the same transaction that added the constraint NOT VALID",
      "The ADD CONSTRAINT lock (ACCESS EXCLUSIVE for CHECK, SHARE ROW EXCLUSIVE for FOREIGN KEY) is held"
          + " until the transaction ends, so the validation scan runs under it: NOT VALID gained nothing.",
      "Move VALIDATE CONSTRAINT to a later migration, or commit in between.",
      "ValidatedConstraintMigration"),
  SET_NOT_NULL_WITHOUT_CHECK("set-not-null-without-check", Severity.ERROR,
      "SET NOT NULL scans the whole table under an ACCESS EXCLUSIVE lock",
      "ALTER COLUMN ... SET NOT NULL must prove no row holds NULL. Without a validated CHECK (col IS NOT"
          + " NULL) constraint it reads the whole table while holding ACCESS EXCLUSIVE: all reads and"
          + " writes wait.",
      "On PostgreSQL 12+: ADD CONSTRAINT c CHECK (col IS NOT NULL) NOT VALID; VALIDATE CONSTRAINT c in a"
          + " later migration; then SET NOT NULL (uses the check, no scan) and DROP CONSTRAINT c.",
      "ValidatedConstraintMigration"),
  VOLATILE_COLUMN_DEFAULT("volatile-column-default", Severity.ERROR,
      "ADD COLUMN with this default rewrites the whole table under an ACCESS EXCLUSIVE lock",
      "PostgreSQL 11+ stores a constant or stable default once in the catalog. A volatile default such as"
          + " gen_random_uuid(), clock_timestamp(), random() or nextval() must be computed per row, so the"
          + " table and its indexes are rewritten while reads and writes wait; before 11 any default did.",
      "Add the column without a default (or with a constant one), set the default for new rows with"
          + " ALTER COLUMN ... SET DEFAULT, and fill existing rows in batches.",
      "BatchedBackfillMigration"),
  NOT_NULL_COLUMN_WITHOUT_DEFAULT("not-null-column-without-default", Severity.ERROR,
      "ADD COLUMN ... NOT NULL without a default fails on a table that has rows and breaks old inserts",
      "Existing rows would hold NULL, so PostgreSQL rejects the statement unless the table is empty; and"
          + " the running application version does not know the column, so its INSERTs would fail.",
      "Add the column nullable (or NOT NULL with a constant DEFAULT on PostgreSQL 11+), backfill in"
          + " batches, then enforce NOT NULL through a validated CHECK.",
      "BatchedBackfillMigration"),
  COLUMN_TYPE_CHANGE_REWRITE("column-type-change-rewrite", Severity.ERROR,
      "ALTER COLUMN ... TYPE rewrites the table and its indexes under an ACCESS EXCLUSIVE lock",
      "Unless the new type is binary-compatible with the old one, every row and every index on the table is"
          + " rewritten while all reads and writes wait; the running application may also fail on the new"
          + " type. Changes without a rewrite: varchar(n) -> text or varchar, varchar(n) -> varchar(m > n),"
          + " numeric(p,s) -> numeric(q > p,s), cidr -> inet, timestamp(p) -> timestamp(q > p).",
      "Add a new column of the new type, write both from the application or a trigger, backfill in"
          + " batches, switch reads, then drop the old column in a contract step.",
      "DualWriteExpandMigration"),
  UNIQUE_CONSTRAINT_WITHOUT_INDEX("unique-constraint-without-index", Severity.ERROR,
      "Adding a UNIQUE or PRIMARY KEY constraint builds its index while reads and writes are blocked",
      "ADD UNIQUE / ADD PRIMARY KEY builds a new index under an ACCESS EXCLUSIVE lock; a primary key also"
          + " scans for NULLs.",
      "CREATE UNIQUE INDEX CONCURRENTLY first, then ADD CONSTRAINT c UNIQUE USING INDEX idx (or PRIMARY"
          + " KEY USING INDEX idx), which only takes a brief lock.",
      "ConcurrentIndexMigration"),
  EXCLUSION_CONSTRAINT("exclusion-constraint", Severity.ERROR,
      "Adding an EXCLUDE constraint to an existing table blocks reads and writes while its index is built",
      "An exclusion constraint builds its index and checks every row under ACCESS EXCLUSIVE, and unlike"
          + " UNIQUE it cannot be attached to an index built concurrently.",
      "Create the constraint when the table is created, or add it in a maintenance window; consider a"
          + " trigger-based check on a large live table.",
      null),
  RENAME_COLUMN("rename-column", Severity.ERROR,
      "Renaming a column breaks the application version that is still running",
      "During a rolling deploy the old version keeps querying the old name and fails at once. The rename"
          + " itself also needs an ACCESS EXCLUSIVE lock.",
      "Expand and contract: add the new column, write both, backfill, move reads, then drop the old column"
          + " in a contract step once no running version uses it.",
      "DualWriteExpandMigration"),
  RENAME_TABLE("rename-table", Severity.ERROR,
      "Renaming a table breaks the application version that is still running",
      "The old version keeps using the old name and fails at once; the rename also needs an ACCESS"
          + " EXCLUSIVE lock.",
      "Create the new table (or a view with the old name over the renamed table for one release), move"
          + " the application, and remove the old name in a contract step.",
      "DualWriteExpandMigration"),
  DROP_COLUMN("drop-column", Severity.ERROR,
      "Dropping a column outside a contract step breaks the application version that still uses it",
      "The running version may still SELECT or INSERT the column (ORMs list every column), and the data is"
          + " gone for good. The drop itself is quick but needs an ACCESS EXCLUSIVE lock.",
      "Stop using the column in the application first, then drop it in a migration marked"
          + " -- zdm:contract expand=<version> after the expand step has soaked.",
      "DualWriteContractMigration"),
  DROP_TABLE("drop-table", Severity.ERROR,
      "Dropping a table outside a contract step breaks the application version that still uses it",
      "Queries of the running version fail and the data is gone for good.",
      "Remove every use of the table from the application first, then drop it in a migration marked"
          + " -- zdm:contract expand=<version>.",
      "DualWriteContractMigration"),
  TRUNCATE_TABLE("truncate-table", Severity.ERROR,
      "TRUNCATE outside a contract step deletes every row and blocks the table meanwhile",
      "TRUNCATE takes an ACCESS EXCLUSIVE lock and removes all data at once; with CASCADE it empties every"
          + " table that references this one too.",
      "Delete obsolete rows in batches, or truncate only in a migration marked -- zdm:contract"
          + " expand=<version> (or -- zdm:allow destructive <reason>).",
      "BatchedBackfillMigration"),
  BAN_DROP_DATABASE("ban-drop-database", Severity.ERROR,
      "DROP DATABASE in a migration destroys everything",
      "A migration is replayed on every environment; a dropped database cannot be rolled back.",
      "Drop databases by hand, never in a migration.",
      null),
  ADD_AUTO_INCREMENT_COLUMN("add-auto-increment-column", Severity.ERROR,
      "Adding a serial, bigserial or identity column rewrites the whole table under an ACCESS EXCLUSIVE lock",
      "Each existing row needs its own sequence value, so the table and its indexes are rewritten while"
          + " all reads and writes wait.",
      "Add a plain bigint column, attach a sequence with SET DEFAULT nextval(...) for new rows, backfill"
          + " existing rows in batches; or ALTER COLUMN ... ADD GENERATED AS IDENTITY on a filled column.",
      "BatchedBackfillMigration"),
  ADD_STORED_GENERATED_COLUMN("add-stored-generated-column", Severity.ERROR,
      "Adding a STORED generated column rewrites the whole table under an ACCESS EXCLUSIVE lock",
      "The value is computed and stored for every existing row while all reads and writes wait.",
      "Add a plain column, fill it with a trigger for new rows and a batched backfill for old ones.",
      "BatchedBackfillMigration"),
  VACUUM_FULL_OR_CLUSTER("vacuum-full-or-cluster", Severity.ERROR,
      "VACUUM FULL and CLUSTER rewrite the table under an ACCESS EXCLUSIVE lock",
      "Both copy the whole table and rebuild every index while no query can read or write it.",
      "Use plain VACUUM, or an online repack tool such as pg_repack or pg_squeeze, outside migrations.",
      null),
  REQUIRE_CONCURRENT_PARTITION_DETACH("require-concurrent-partition-detach", Severity.ERROR,
      "DETACH PARTITION without CONCURRENTLY blocks reads and writes of the partitioned table",
      "A plain DETACH PARTITION takes ACCESS EXCLUSIVE on the parent table, so every query on any partition"
          + " through the parent waits.",
      "On PostgreSQL 14+ use DETACH PARTITION ... CONCURRENTLY (SHARE UPDATE EXCLUSIVE) in a migration"
          + " whose .sql.conf says executeInTransaction=false.",
      null),
  ENUM_VALUE_IN_TRANSACTION("enum-value-in-transaction", Severity.ERROR,
      "ALTER TYPE ... ADD VALUE cannot be used this way inside a transaction",
      "Before PostgreSQL 12 ADD VALUE fails inside a transaction block; from 12 it runs, but the new value"
          + " cannot be used until the transaction commits, so later statements of the same migration"
          + " that use it fail.",
      "Add the enum value in a migration of its own, and use it in a later one.",
      null),
  UNBATCHED_BACKFILL("unbatched-backfill", Severity.WARNING,
      "UPDATE or DELETE of a whole existing table in one statement locks every row it touches",
      "One statement over a large table holds row locks on all of them until commit, bloats the table"
          + " and the WAL, and in the same transaction as DDL keeps that DDL's lock for the whole time.",
      "Backfill in small batches with a commit after each, in a migration of its own.",
      "BatchedBackfillMigration"),
  STATEMENTS_AFTER_ACCESS_EXCLUSIVE("statements-after-access-exclusive", Severity.WARNING,
      "More statements run while this transaction holds an ACCESS EXCLUSIVE lock",
      "An ACCESS EXCLUSIVE lock is held until commit; every statement after it in the same transaction"
          + " extends the time during which nobody can read or write that table.",
      "Put the statement that takes ACCESS EXCLUSIVE last in its migration, or in a migration of its own.",
      null),
  REQUIRE_LOCK_TIMEOUT("require-lock-timeout", Severity.WARNING,
      "A statement that takes a table lock runs with no lock_timeout in force",
      "A DDL statement waiting for its lock behind a long query makes every later query on the table"
          + " queue behind it: the table is blocked even though the DDL itself is fast.",
      "Start the migration with SET LOCAL lock_timeout = '5s' (or enable the flyway-zdm callback, which"
          + " sets it and retries).",
      null),
  IDENTIFIER_TOO_LONG("identifier-too-long", Severity.WARNING,
      "The identifier is longer than 63 bytes and PostgreSQL silently truncates it",
      "Names over NAMEDATALEN-1 (63) bytes are cut with only a NOTICE; two long names that share their"
          + " first 63 bytes collide, and tooling that uses the full name does not find the object.",
      "Use a name of at most 63 bytes.",
      null),
  SET_LOGGED_UNLOGGED("set-logged-unlogged", Severity.ERROR,
      "SET LOGGED / SET UNLOGGED rewrites the whole table under an ACCESS EXCLUSIVE lock",
      "Changing persistence copies the table (and writes all of it to the WAL for SET LOGGED) while no"
          + " query can read or write it.",
      "Create a new table with the wanted persistence and move the data in batches.",
      null),
  LOCK_TABLE("lock-table", Severity.WARNING,
      "An explicit LOCK TABLE blocks other sessions until the transaction ends",
      "LOCK TABLE takes ACCESS EXCLUSIVE unless a weaker mode is named and holds it to the end of the"
          + " migration's transaction.",
      "Take no explicit lock; if one is needed, name the weakest mode that works and keep the migration"
          + " short.",
      null),
  TRANSACTION_NESTING("transaction-nesting", Severity.WARNING,
      "BEGIN, COMMIT or ROLLBACK in a migration that Flyway already runs in a transaction",
      "Flyway wraps the file in its own transaction: a COMMIT commits part of the migration early, so a"
          + " later failure leaves the schema half migrated and the history without a row for it.",
      "Remove the transaction statements; split the file if parts must commit separately.",
      null),
  PREFER_ROBUST_STATEMENTS("prefer-robust-statements", Severity.ADVICE,
      "This migration runs outside a transaction; a retry after a failure will stop at this statement",
      "Without a transaction the statements before a failure stay applied, so running the migration again"
          + " fails on objects that already exist (or no longer exist).",
      "Add IF NOT EXISTS / IF EXISTS; for an index, also drop an INVALID leftover of a failed concurrent"
          + " build first.",
      "ConcurrentIndexMigration"),
  PREFER_JSONB("prefer-jsonb", Severity.ADVICE,
      "json stores text and cannot be indexed or compared; prefer jsonb",
      "json keeps the raw text and re-parses it on every access, has no equality operator (DISTINCT and"
          + " UNION fail) and no GIN index support.",
      "Use jsonb.",
      null),
  PREFER_TEXT_OVER_CHAR("prefer-text-over-char", Severity.ADVICE,
      "char(n) pads values with spaces; prefer text or varchar",
      "char(n) blank-pads, compares ignoring trailing spaces and is no faster than text; changing its"
          + " length later rewrites the table.",
      "Use text (with a CHECK on length if needed) or varchar.",
      null),
  PREFER_TIMESTAMPTZ("prefer-timestamptz", Severity.ADVICE,
      "timestamp without time zone loses the time zone; prefer timestamptz",
      "A plain timestamp stores wall-clock time, so values written from sessions with different TimeZone"
          + " settings cannot be compared; changing it to timestamptz later rewrites the table.",
      "Use timestamptz (timestamp with time zone).",
      null),
  PREFER_BIGINT_PRIMARY_KEY("prefer-bigint-primary-key", Severity.ADVICE,
      "An int or serial primary key runs out after 2^31 values",
      "Moving a busy table from int to bigint later rewrites the table and every referencing foreign key.",
      "Use bigint GENERATED ALWAYS AS IDENTITY (or bigserial).",
      null),
  INVALID_DIRECTIVE("invalid-directive", Severity.ERROR,
      "A zdm: directive comment is malformed",
      "A directive with an unknown rule id or without a reason would silently suppress nothing, or"
          + " suppress without saying why.",
      "Write -- zdm:ignore <rule-id> <reason>, -- zdm:ignore-file <rule-id> <reason>,"
          + " -- zdm:contract expand=<version> [soak=<duration>] or -- zdm:allow destructive <reason>.",
      null),
  UNUSED_SUPPRESSION("unused-suppression", Severity.WARNING,
      "A zdm:ignore directive suppresses nothing",
      "The finding it was written for is gone or never matched, and a stale ignore would hide a new one.",
      "Remove the directive, or move it directly above the statement it is meant for.",
      null);

  private final String id;
  private final Severity defaultSeverity;
  private final String title;
  private final String why;
  private final String fix;
  private final String migrationClass;

  RuleId(String id, Severity defaultSeverity, String title, String why, String fix, String migrationClass) {
    this.id = id;
    this.defaultSeverity = defaultSeverity;
    this.title = title;
    this.why = why;
    this.fix = fix;
    this.migrationClass = migrationClass;
  }

  /** The stable kebab-case id, as written in suppression comments and settings. */
  public String id() {
    return id;
  }

  /** The severity findings get unless the options override it. */
  public Severity defaultSeverity() {
    return defaultSeverity;
  }

  /** One line stating the consequence. */
  public String title() {
    return title;
  }

  /** Why the operation is dangerous, in terms of PostgreSQL locks. */
  public String why() {
    return why;
  }

  /** The safe way to get the same result. */
  public String fix() {
    return fix;
  }

  /** The flyway-zdm base class ({@code dev.flywayzdm.migration}) that does it safely, if any. */
  public Optional<String> migrationClass() {
    return Optional.ofNullable(migrationClass);
  }

  /** The fix, naming the base class when there is one. */
  public String help() {
    return migrationClass == null ? fix : fix + " flyway-zdm: extend dev.flywayzdm.migration." + migrationClass + ".";
  }

  /** Where the rule is documented, relative to the project root. */
  public String docs() {
    return "docs/lint-rules.md#" + id;
  }

  /** Finds a rule by its kebab-case id. */
  public static Optional<RuleId> fromId(String id) {
    String wanted = id.trim();
    return Arrays.stream(values()).filter(rule -> rule.id.equalsIgnoreCase(wanted)).findFirst();
  }

  /**
   * Finds a rule by id or fails with a message naming the bad id and every accepted one.
   *
   * @param where the setting or comment the id came from, for the message
   */
  public static RuleId parse(String id, String where) {
    return fromId(id).orElseThrow(() -> new IllegalArgumentException(
        "Unknown lint rule '" + id.trim() + "' in " + where + "; accepted ids: " + acceptedIds()));
  }

  /** All ids, comma-separated, for error messages. */
  public static String acceptedIds() {
    return Arrays.stream(values()).map(RuleId::id).collect(Collectors.joining(", "));
  }
}
