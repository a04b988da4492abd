package dev.flywayzdm.internal.dualwrite;

/**
 * The SQL of the dual-write trigger: a plpgsql function and a {@code BEFORE INSERT OR UPDATE OF
 * old, new} row trigger that keep both columns in step, whichever application version writes.
 *
 * <ul>
 *   <li>INSERT: when only one of the two is set, the other is filled from it (converted).</li>
 *   <li>UPDATE: the column whose value changed ({@code IS DISTINCT FROM OLD}) is copied to the
 *       other. When both changed, the new column wins: a statement that sets both is written by
 *       the new application version, which knows both, and its new value is the one it reads back.</li>
 *   <li>UPDATE that changes neither but leaves the new column empty (a row from before the
 *       expand, touched by the backfill with {@code SET old = old}): the new column is filled, so
 *       the backfill never rewrites the old column through a lossy round trip.</li>
 * </ul>
 *
 * Every name in the body is a quoted identifier; the body is dollar-quoted with a tag that occurs
 * nowhere in it, so neither a name nor a conversion can end the quote.
 */
public final class SyncTriggerSql {

  private SyncTriggerSql() {}

  public static String createFunction(DualWriteSpec spec) {
    String o = "NEW." + spec.oldColumn().quoted();
    String n = "NEW." + spec.newColumn().quoted();
    String toNew = n + " := (" + spec.oldToNew("NEW") + ");";
    String toOld = o + " := (" + spec.newToOld("NEW") + ");";
    String body = String.join("\n",
        "",
        "BEGIN",
        "  IF TG_OP = 'INSERT' THEN",
        "    IF " + n + " IS NULL AND " + o + " IS NOT NULL THEN",
        "      " + toNew,
        "    ELSIF " + o + " IS NULL AND " + n + " IS NOT NULL THEN",
        "      " + toOld,
        "    END IF;",
        "  ELSIF " + n + " IS DISTINCT FROM OLD." + spec.newColumn().quoted() + " THEN",
        "    " + toOld,
        "  ELSIF " + o + " IS DISTINCT FROM OLD." + spec.oldColumn().quoted() + " THEN",
        "    " + toNew,
        "  ELSIF " + n + " IS NULL AND " + o + " IS NOT NULL THEN",
        "    " + toNew,
        "  END IF;",
        "  RETURN NEW;",
        "END",
        "");
    String tag = dollarTag(body);
    return "CREATE OR REPLACE FUNCTION " + spec.functionName().quoted() + "() RETURNS trigger LANGUAGE plpgsql AS "
        + tag + body + tag;
  }

  public static String createTrigger(DualWriteSpec spec) {
    return "CREATE TRIGGER " + spec.triggerName().quoted()
        + " BEFORE INSERT OR UPDATE OF " + spec.oldColumn().quoted() + ", " + spec.newColumn().quoted()
        + " ON " + spec.table().quoted() + " FOR EACH ROW EXECUTE FUNCTION " + spec.functionName().quoted() + "()";
  }

  public static String dropTrigger(DualWriteSpec spec) {
    return "DROP TRIGGER IF EXISTS " + spec.triggerName().quoted() + " ON " + spec.table().quoted();
  }

  public static String dropFunction(DualWriteSpec spec) {
    return "DROP FUNCTION IF EXISTS " + spec.functionName().quoted() + "()";
  }

  /** {@code $zdm_dw$}, or {@code $zdm_dw_1$}, ... : the first tag the body does not contain. */
  static String dollarTag(String body) {
    String tag = "$zdm_dw$";
    for (int i = 1; body.contains(tag); i++) {
      tag = "$zdm_dw_" + i + "$";
    }
    return tag;
  }
}
