/**
 * What flyway-zdm keeps beside Flyway's schema history and reads from it: when each migration finished
 * ({@link dev.flywayzdm.internal.history.FinishedMigrations}), the expand -> contract soak gate's verdicts
 * ({@link dev.flywayzdm.internal.history.SoakGate}, {@link dev.flywayzdm.internal.history.ContractStatus}),
 * what a migration declares about itself and what kind of step it is
 * ({@link dev.flywayzdm.internal.history.MigrationKind}).
 *
 * <p>Not public API: users never import this package; the callback, the Java migrations and the Maven
 * plugin (our own code) do. Like every internal package it imports no public flyway-zdm package: it takes
 * settings as values (the soak) and returns verdicts, and the public layer turns a refusal into
 * {@code MigrationRefusedException}.
 */
package dev.flywayzdm.internal.history;
