/**
 * flyway-zdm: zero-downtime PostgreSQL migrations for Flyway.
 *
 * <p>The public API lives in a few small packages: {@code dev.flywayzdm.migration} (base classes
 * users subclass in their {@code db/migration} package), {@code dev.flywayzdm.callback} (the Flyway
 * callback), {@code dev.flywayzdm.config} (the {@code flyway.zdm.*} settings) and
 * {@code dev.flywayzdm.lint} (the SQL linter). PostgreSQL plumbing lives in
 * {@code dev.flywayzdm.internal}, which users never import.
 *
 * <p>On the module path the jar is the automatic module {@code dev.flywayzdm.core} (its manifest's
 * {@code Automatic-Module-Name}). There is no {@code module-info}: Flyway discovers callbacks, Java
 * migrations and its plugins (the {@code flyway.zdm} configuration extension) on the class path by
 * reflection and {@code ServiceLoader}, and flyway-core is itself an automatic module; so the internal
 * packages are hidden by convention ("not API" in their package-info), not by JPMS.
 */
package dev.flywayzdm;
