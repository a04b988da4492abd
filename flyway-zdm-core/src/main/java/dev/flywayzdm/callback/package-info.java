/**
 * The Flyway callback and its companions, the whole public API of this package:
 * {@link dev.flywayzdm.callback.ZeroDowntimeCallback} (lock_timeout on every migration, the expand ->
 * contract soak gate, the destructive-statement gate, the linter before each SQL migration),
 * {@link dev.flywayzdm.callback.ZeroDowntimeMigrate} (a {@code migrate()} that retries lock timeouts of
 * transactional migrations) and {@link dev.flywayzdm.callback.MigrationRefusedException} (what a refusal
 * throws).
 *
 * <p>The machinery behind them is package-private here or lives in internal packages
 * ({@code dev.flywayzdm.internal.history}: schema history, soak gate verdicts; {@code
 * dev.flywayzdm.internal.flyway}: the adapter to Flyway's internals), which users never import.
 */
package dev.flywayzdm.callback;
