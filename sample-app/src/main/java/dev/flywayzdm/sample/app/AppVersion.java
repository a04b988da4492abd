package dev.flywayzdm.sample.app;

/**
 * The two releases of the sample service that live through the schema change: V1 reads and writes
 * {@code users.name} and the {@code int} column {@code orders.amount}; V2 reads and writes
 * {@code users.display_name} and the {@code bigint} column {@code orders.amount_cents}. V2 is
 * deployed once the expand migrations are in, and the contract migrations only run after that.
 */
public enum AppVersion {
  V1,
  V2
}
