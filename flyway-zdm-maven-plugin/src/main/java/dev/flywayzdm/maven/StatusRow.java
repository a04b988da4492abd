package dev.flywayzdm.maven;

import dev.flywayzdm.internal.history.MigrationKind;
import java.util.Optional;

/**
 * One line of the {@code zdm:status} table.
 *
 * @param version Flyway version, empty for a repeatable migration
 * @param description Flyway description
 * @param kind expand, contract, backfill, index, constraint or plain; empty when the source is unknown
 * @param state Flyway's state ({@code Success}, {@code Pending}, {@code Failed} ...)
 * @param installedOn when it was applied, as the database recorded it
 * @param lintFindings findings of the linter for a SQL migration, empty for Java ones
 * @param gate for a pending contract: what the soak gate says
 */
record StatusRow(String version, String description, Optional<MigrationKind> kind, String state,
    Optional<String> installedOn, Optional<Integer> lintFindings, Optional<String> gate) {}
