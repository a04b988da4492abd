package dev.flywayzdm.internal.lockfirst;

import dev.flywayzdm.lint.internal.sql.LockMode;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * PostgreSQL's table-level lock conflict table ("Conflicting Lock Modes" in the documentation of
 * explicit locking), so only the sessions that really stand in a lock's way are named.
 */
final class LockConflicts {

  private static final Map<LockMode, Set<LockMode>> CONFLICTS = Map.of(
      LockMode.ACCESS_SHARE, EnumSet.of(LockMode.ACCESS_EXCLUSIVE),
      LockMode.ROW_SHARE, EnumSet.of(LockMode.EXCLUSIVE, LockMode.ACCESS_EXCLUSIVE),
      LockMode.ROW_EXCLUSIVE, EnumSet.range(LockMode.SHARE, LockMode.ACCESS_EXCLUSIVE),
      LockMode.SHARE_UPDATE_EXCLUSIVE, EnumSet.range(LockMode.SHARE_UPDATE_EXCLUSIVE, LockMode.ACCESS_EXCLUSIVE),
      LockMode.SHARE, EnumSet.complementOf(EnumSet.of(LockMode.ACCESS_SHARE, LockMode.ROW_SHARE, LockMode.SHARE)),
      LockMode.SHARE_ROW_EXCLUSIVE, EnumSet.range(LockMode.ROW_EXCLUSIVE, LockMode.ACCESS_EXCLUSIVE),
      LockMode.EXCLUSIVE, EnumSet.range(LockMode.ROW_SHARE, LockMode.ACCESS_EXCLUSIVE),
      LockMode.ACCESS_EXCLUSIVE, EnumSet.allOf(LockMode.class));

  private LockConflicts() {}

  /** The modes, as {@code pg_locks.mode} writes them ({@code RowExclusiveLock}), that conflict with {@code mode}. */
  static List<String> pgModesConflictingWith(LockMode mode) {
    List<String> names = new ArrayList<>();
    for (LockMode other : CONFLICTS.get(mode)) {
      names.add(pgName(other));
    }
    return names;
  }

  /** {@code SHARE_ROW_EXCLUSIVE} -> {@code ShareRowExclusiveLock}. */
  static String pgName(LockMode mode) {
    StringBuilder name = new StringBuilder();
    for (String word : mode.name().split("_")) {
      name.append(word.charAt(0)).append(word.substring(1).toLowerCase(java.util.Locale.ROOT));
    }
    return name.append("Lock").toString();
  }
}
