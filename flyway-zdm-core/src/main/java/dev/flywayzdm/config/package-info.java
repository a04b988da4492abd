/**
 * The {@code flyway.zdm.*} settings: {@link dev.flywayzdm.config.ZdmSettings} (immutable, validated
 * once) and how Flyway binds them.
 */
package dev.flywayzdm.config;
