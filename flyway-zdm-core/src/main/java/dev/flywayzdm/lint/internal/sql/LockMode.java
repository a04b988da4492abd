package dev.flywayzdm.lint.internal.sql;

/** PostgreSQL's table-level lock modes, weakest first. */
public enum LockMode {
  ACCESS_SHARE,
  ROW_SHARE,
  ROW_EXCLUSIVE,
  SHARE_UPDATE_EXCLUSIVE,
  SHARE,
  SHARE_ROW_EXCLUSIVE,
  EXCLUSIVE,
  ACCESS_EXCLUSIVE;

  /** Whether ordinary INSERT/UPDATE/DELETE (ROW EXCLUSIVE) has to wait for this lock. */
  public boolean blocksWrites() {
    return compareTo(SHARE) >= 0;
  }

  /** The name as PostgreSQL's documentation writes it. */
  public String label() {
    return name().replace('_', ' ');
  }

  public LockMode max(LockMode other) {
    return other != null && other.compareTo(this) > 0 ? other : this;
  }
}
