package dev.flywayzdm.sample.demo;

import java.util.List;

/**
 * One schema change of the demo, applied as one Flyway migration (the same version in both runs:
 * {@code db/migration} through flyway-zdm, {@code db/naive} as plain SQL).
 *
 * @param version the Flyway version the run migrates to for this step
 * @param title what changes, for the report
 * @param underReport a reporting transaction holds a lock on {@code users} while this step runs
 * @param deployAfter release 2 of the application goes live once this step is in
 * @param contractOf for a contract step: the version of its expand step (soak-gated by flyway-zdm)
 */
record Step(String version, String title, boolean underReport, boolean deployAfter, String contractOf) {

  /** The demo's schema changes after V1 (the tables), in order. */
  static final List<Step> PLAN = List.of(
      new Step("2", "add nullable column users.last_login_at", true, false, null),
      new Step("3", "index orders (created_at)", false, false, null),
      new Step("4", "partial index orders (user_id) WHERE status = 'pending'", false, false, null),
      new Step("5", "foreign key orders.user_id -> users, with its index", false, false, null),
      new Step("6", "orders.user_id NOT NULL", false, false, null),
      new Step("7", "expand orders.amount int -> amount_cents bigint", false, false, null),
      new Step("8", "backfill orders.amount_cents", false, false, null),
      new Step("9", "expand users.name -> display_name, with its backfill", false, true, null),
      new Step("10", "contract: drop users.name", false, false, "9"),
      new Step("11", "contract: drop orders.amount", false, false, "7"));

  String label() {
    return "V" + version + " " + title;
  }
}
