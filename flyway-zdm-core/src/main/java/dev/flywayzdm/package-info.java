/**
 * flyway-zdm: zero-downtime PostgreSQL migrations for Flyway.
 *
 * <p>The public API lives in a few small packages: {@code dev.flywayzdm.migration} (base classes
 * users subclass in their {@code db/migration} package), {@code dev.flywayzdm.callback} (the Flyway
 * callback), {@code dev.flywayzdm.config} (the {@code flyway.zdm.*} settings) and
 * {@code dev.flywayzdm.lint} (the SQL linter). PostgreSQL plumbing lives in
 * {@code dev.flywayzdm.internal}, which users never import.
 */
package dev.flywayzdm;
