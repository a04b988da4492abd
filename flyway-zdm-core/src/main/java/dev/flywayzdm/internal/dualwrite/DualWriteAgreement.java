package dev.flywayzdm.internal.dualwrite;

import dev.flywayzdm.internal.step.StepContext;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * Holds a contract to the {@code DualWrite} its expand installed: the expand records its
 * description (and its name) as the comment of its trigger function; the contract refuses, naming
 * both migrations, when the dual-write triggers on its table were installed for another
 * description. Otherwise a contract that names another column could verify and drop the wrong one.
 */
final class DualWriteAgreement {

  private static final String PREFIX = "flyway-zdm dual write by ";

  private DualWriteAgreement() {}

  /** {@code COMMENT ON FUNCTION} with the expand's name and description (a string literal, quotes doubled). */
  static String recordSql(DualWriteSpec spec, String expandMigration) {
    String text = PREFIX + expandMigration + ": " + spec.fingerprint();
    return "COMMENT ON FUNCTION " + spec.functionName().quoted() + "() IS '" + text.replace("'", "''") + "'";
  }

  /**
   * Passes when no dual-write trigger of flyway-zdm is on the table (already contracted, or an
   * expand from before descriptions were recorded) or one of them has this description.
   */
  static void requireSameAsExpand(StepContext step, DualWriteSpec spec) throws SQLException {
    List<String> recorded = new ArrayList<>();
    try (PreparedStatement statement = step.connection().prepareStatement("SELECT obj_description(t.tgfoid, 'pg_proc')"
        + " FROM pg_trigger t WHERE t.tgrelid = to_regclass(?) AND NOT t.tgisinternal"
        + " AND starts_with(coalesce(obj_description(t.tgfoid, 'pg_proc'), ''), ?) ORDER BY t.tgname")) {
      statement.setString(1, spec.table().quoted());
      statement.setString(2, PREFIX);
      try (ResultSet rows = statement.executeQuery()) {
        while (rows.next()) {
          recorded.add(rows.getString(1).substring(PREFIX.length()));
        }
      }
    }
    String mine = spec.fingerprint();
    if (recorded.isEmpty() || recorded.stream().anyMatch(r -> r.endsWith(": " + mine))) {
      return;
    }
    String theirs = recorded.get(0);
    int colon = theirs.indexOf(": ");
    throw new IllegalStateException(step.name() + ": its DualWrite (" + mine + ") differs from the one of the expand"
        + " migration " + theirs.substring(0, colon) + " (" + theirs.substring(colon + 2) + "); return the same DualWrite"
        + " from both, e.g. one shared constant. Nothing was changed.");
  }
}
