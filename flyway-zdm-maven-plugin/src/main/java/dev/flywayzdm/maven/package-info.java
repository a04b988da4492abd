/**
 * The flyway-zdm Maven plugin: thin goals ({@code zdm:lint}, {@code zdm:migrate}, {@code zdm:status})
 * over abstract base mojos that own the shared parameters and {@code skip}; the work is done by
 * flyway-zdm-core (linter, callback, soak gate, {@link dev.flywayzdm.internal.history.MigrationKind}). Only the
 * mojos are public, for Maven. The plugin is our own code and may import the core's internal packages
 * ({@code dev.flywayzdm.internal..}); those are not API for anyone else.
 */
package dev.flywayzdm.maven;
