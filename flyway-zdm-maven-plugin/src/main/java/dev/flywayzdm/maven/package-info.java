/**
 * The flyway-zdm Maven plugin: thin goals ({@code zdm:lint}, {@code zdm:migrate}, {@code zdm:status})
 * over abstract base mojos that own the shared parameters and {@code skip}; the work is done by
 * flyway-zdm-core (linter, callback, soak gate, {@link dev.flywayzdm.callback.MigrationKind}). Only the
 * mojos are public, for Maven.
 */
package dev.flywayzdm.maven;
