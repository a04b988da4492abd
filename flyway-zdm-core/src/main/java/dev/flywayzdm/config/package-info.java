/**
 * The {@code flyway.zdm.*} settings: {@link dev.flywayzdm.config.ZdmSettings} (immutable, validated
 * as set) and how Flyway and property maps bind them. The keys themselves are one internal table
 * ({@code internal.settings.SettingKey}) that every binding and the README's settings table follow.
 */
package dev.flywayzdm.config;
