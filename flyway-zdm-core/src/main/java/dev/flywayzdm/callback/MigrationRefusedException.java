package dev.flywayzdm.callback;

import org.flywaydb.core.api.FlywayException;

/**
 * flyway-zdm refused to let a migration run: a contract step before its expand has soaked, a
 * destructive statement outside a contract, a non-transactional migration under Flyway's
 * transactional lock. The message says why and how to fix it; nothing of the refused migration
 * was applied.
 */
public class MigrationRefusedException extends FlywayException {

  private static final long serialVersionUID = 1L;

  /** @param message why the migration was refused and how to fix it */
  public MigrationRefusedException(String message) {
    super(message);
  }
}
