/**
 * flyway-zdm's side of Flyway itself: how it names a migration
 * ({@link dev.flywayzdm.internal.flyway.MigrationName}), and the one adapter to Flyway's internal classes
 * ({@link dev.flywayzdm.internal.flyway.FlywayInternals}) for what Flyway's public API does not tell.
 *
 * <p>Not public API: users never import this package; the callback and the Maven plugin (our own code) do.
 * It imports no public flyway-zdm package.
 */
package dev.flywayzdm.internal.flyway;
