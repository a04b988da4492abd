package dev.flywayzdm.callback;

import dev.flywayzdm.internal.flyway.MigrationName;
import dev.flywayzdm.internal.history.MigrationReader;
import dev.flywayzdm.lint.internal.engine.DestructiveGate;
import java.sql.Connection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.configuration.Configuration;

/**
 * The callback's destructive-statement gate: refuses DROP TABLE, DROP COLUMN, RENAME and friends
 * ({@link DestructiveGate} decides which) in a SQL migration outside a contract step, before any of
 * it runs. One gate per migrate run, so that objects created earlier in the run count as new.
 *
 * <p>The whole SQL file is read with the linter's lexer when its migration starts; Flyway's own
 * statement split is not used: it can differ from PostgreSQL's (SQL-standard routine bodies), ours is
 * the linter's. When the text cannot be read, each statement is checked as Flyway runs it.
 */
final class DestructiveStatementGuard {

  /** Each run's gate, by its Flyway configuration (one callback may serve several Flyways). */
  private final Map<Configuration, DestructiveGate> gates = new ConcurrentHashMap<>();
  /** Whether the migration running on each connection is gated (not a contract, nothing allowed, after adoption). */
  private final Map<Connection, Boolean> gated = new ConcurrentHashMap<>();
  /** Connections whose running SQL migration was read as a whole before it started. */
  private final Set<Connection> checkedUpFront = ConcurrentHashMap.newKeySet();

  /** A new run: nothing it creates is known yet. */
  void runStarted(Configuration configuration) {
    gates.put(configuration, new DestructiveGate());
  }

  void runEnded(Configuration configuration) {
    gates.remove(configuration);
  }

  /**
   * Before a migration runs: reads its SQL as a whole and refuses it when the gate does; the run's gate
   * learns what it creates either way.
   *
   * @param isGated false for a contract step, a migration that allows destructive statements, or one
   *     from before flyway-zdm was adopted
   * @throws MigrationRefusedException naming the statement and the fix
   */
  void migrationStarting(Connection connection, Configuration configuration, MigrationInfo info, boolean isGated) {
    gated.put(connection, isGated);
    Optional<String> sql = MigrationReader.sqlText(info, configuration);
    if (sql.isEmpty()) {
      return;
    }
    checkedUpFront.add(connection);
    refuseAny(info, gate(configuration).check(sql.get(), isGated, new CatalogColumnTypes(connection)));
  }

  /**
   * Before Flyway runs one statement: checked only where the whole file could not be read before.
   *
   * @param governed whether the migration is under flyway-zdm's rules, for a statement whose migration
   *     start was not seen
   */
  void statementStarting(Connection connection, Configuration configuration, MigrationInfo info, String sql,
      boolean governed) {
    if (checkedUpFront.contains(connection)) {
      return;
    }
    boolean isGated = gated.getOrDefault(connection, governed);
    refuseAny(info, gate(configuration).check(sql, isGated, new CatalogColumnTypes(connection)));
  }

  void migrationEnded(Connection connection) {
    gated.remove(connection);
    checkedUpFront.remove(connection);
  }

  private DestructiveGate gate(Configuration configuration) {
    return gates.computeIfAbsent(configuration, c -> new DestructiveGate());
  }

  private static void refuseAny(MigrationInfo info, List<DestructiveGate.Refusal> refusals) {
    if (!refusals.isEmpty()) {
      throw refusal(MigrationName.of(info), refusals.get(0));
    }
  }

  private static MigrationRefusedException refusal(String migration, DestructiveGate.Refusal refusal) {
    String kinds = String.join(", ", refusal.kinds());
    String detail = refusal.detail().isEmpty() ? "" : " (" + refusal.detail() + ")";
    String fix = " Move it into a contract migration (-- zdm:contract expand=<version of the expand migration>, or"
        + " @Contract(expand = \"<version of the expand migration>\") in Java) or, if it is safe, say why in the migration's header:"
        + " -- zdm:allow destructive <reason>";
    if (refusal.unverifiable()) {
      return new MigrationRefusedException("flyway-zdm: " + migration + ": " + kinds + " outside a declared contract"
          + " step: " + StatementText.head(refusal.statement()) + detail + ". Its SQL is computed only when it runs (EXECUTE of"
          + " format(), a concatenation or a variable), so flyway-zdm cannot verify that it leaves alone what the"
          + " running application version uses, and refuses it (dynamic SQL fails closed)." + fix);
    }
    return new MigrationRefusedException("flyway-zdm: " + migration + ": " + kinds + " outside a declared contract step: "
        + StatementText.head(refusal.statement()) + detail + ". It breaks the application version still running during a rolling"
        + " deploy." + fix);
  }
}
