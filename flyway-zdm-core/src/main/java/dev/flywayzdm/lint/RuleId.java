package dev.flywayzdm.lint;

import dev.flywayzdm.lint.internal.engine.RuleInfo;
import dev.flywayzdm.lint.internal.rules.Rules;
import java.util.Arrays;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Every rule id of the linter. The texts users see live on the rule classes ({@code @RuleInfo}).
 *
 * <p>The kebab-case {@link #id()} is public API: suppression comments, settings and CI scripts refer
 * to it. Never rename one; retire it instead.
 */
public enum RuleId {
  SYNTAX_ERROR("syntax-error"),
  REQUIRE_CONCURRENT_INDEX_CREATION("require-concurrent-index-creation"),
  REQUIRE_CONCURRENT_INDEX_DELETION("require-concurrent-index-deletion"),
  REQUIRE_CONCURRENT_REINDEX("require-concurrent-reindex"),
  CONCURRENTLY_IN_TRANSACTION("concurrently-in-transaction"),
  MIXED_TRANSACTION_MODES("mixed-transaction-modes"),
  FOREIGN_KEY_MISSING_NOT_VALID("foreign-key-missing-not-valid"),
  CHECK_CONSTRAINT_MISSING_NOT_VALID("check-constraint-missing-not-valid"),
  VALIDATE_IN_SAME_TRANSACTION("validate-in-same-transaction"),
  SET_NOT_NULL_WITHOUT_CHECK("set-not-null-without-check"),
  VOLATILE_COLUMN_DEFAULT("volatile-column-default"),
  NOT_NULL_COLUMN_WITHOUT_DEFAULT("not-null-column-without-default"),
  COLUMN_TYPE_CHANGE_REWRITE("column-type-change-rewrite"),
  UNIQUE_CONSTRAINT_WITHOUT_INDEX("unique-constraint-without-index"),
  EXCLUSION_CONSTRAINT("exclusion-constraint"),
  RENAME_COLUMN("rename-column"),
  RENAME_TABLE("rename-table"),
  DROP_COLUMN("drop-column"),
  DROP_TABLE("drop-table"),
  TRUNCATE_TABLE("truncate-table"),
  BAN_DROP_DATABASE("ban-drop-database"),
  ADD_AUTO_INCREMENT_COLUMN("add-auto-increment-column"),
  ADD_STORED_GENERATED_COLUMN("add-stored-generated-column"),
  VACUUM_FULL_OR_CLUSTER("vacuum-full-or-cluster"),
  REQUIRE_CONCURRENT_PARTITION_DETACH("require-concurrent-partition-detach"),
  ENUM_VALUE_IN_TRANSACTION("enum-value-in-transaction"),
  UNBATCHED_BACKFILL("unbatched-backfill"),
  STATEMENTS_AFTER_ACCESS_EXCLUSIVE("statements-after-access-exclusive"),
  REQUIRE_LOCK_TIMEOUT("require-lock-timeout"),
  IDENTIFIER_TOO_LONG("identifier-too-long"),
  SET_LOGGED_UNLOGGED("set-logged-unlogged"),
  LOCK_TABLE("lock-table"),
  TRANSACTION_NESTING("transaction-nesting"),
  PREFER_ROBUST_STATEMENTS("prefer-robust-statements"),
  PREFER_JSONB("prefer-jsonb"),
  PREFER_TEXT_OVER_CHAR("prefer-text-over-char"),
  PREFER_TIMESTAMPTZ("prefer-timestamptz"),
  PREFER_BIGINT_PRIMARY_KEY("prefer-bigint-primary-key"),
  INVALID_DIRECTIVE("invalid-directive"),
  UNUSED_SUPPRESSION("unused-suppression");

  private final String id;

  RuleId(String id) {
    this.id = id;
  }

  private RuleInfo info() {
    return Rules.find(id).orElseThrow(() -> new IllegalStateException("No rule class for " + id)).descriptor();
  }

  /** The stable kebab-case id, as written in suppression comments and settings. */
  public String id() {
    return id;
  }

  /** The severity findings get unless the options override it. */
  public Severity defaultSeverity() {
    return Severity.parse(info().severity());
  }

  /** One line stating the consequence. */
  public String title() {
    return info().title();
  }

  /** Why the operation is dangerous, in terms of PostgreSQL locks. */
  public String why() {
    return info().why();
  }

  /** The safe way to get the same result. */
  public String fix() {
    return info().fix();
  }

  /** The flyway-zdm base class ({@code dev.flywayzdm.migration}) that does it safely, if any. */
  public Optional<String> migrationClass() {
    return Optional.of(info().baseClass()).filter(c -> !c.isEmpty());
  }

  /** The fix, naming the base class when there is one. */
  public String help() {
    return migrationClass().map(c -> fix() + " flyway-zdm: extend dev.flywayzdm.migration." + c + ".").orElse(fix());
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
