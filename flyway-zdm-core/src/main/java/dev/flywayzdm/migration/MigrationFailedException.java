package dev.flywayzdm.migration;

import java.sql.SQLException;
import java.util.Arrays;
import java.util.Optional;
import org.flywaydb.core.api.callback.Callback;
import org.flywaydb.core.api.configuration.Configuration;

/**
 * A {@link ZeroDowntimeMigration} failed: the cause's message, followed by what makes the same
 * command continue. Every flyway-zdm migration resumes where it stopped, but Flyway records the
 * failure ({@code success=false} with the session lock flyway-zdm requires) and refuses the next
 * {@code migrate} until that row is gone: {@code ZeroDowntimeCallback} (and
 * {@code ZeroDowntimeMigrate}) remove it by themselves; without either, {@code flyway repair} does.
 * Keeps the SQLSTATE of an SQL cause.
 */
public final class MigrationFailedException extends SQLException {

  private static final long serialVersionUID = 1L;

  /** {@code ZeroDowntimeCallback#getCallbackName()}: how a registered callback is recognised, also behind a proxy. */
  private static final String CALLBACK_NAME = "flyway-zdm";

  MigrationFailedException(String migration, Exception cause, Configuration configuration) {
    super(message(migration, cause, configuration), cause instanceof SQLException sql ? sql.getSQLState() : null,
        cause instanceof SQLException sql ? sql.getErrorCode() : 0, cause);
  }

  private static String message(String migration, Exception cause, Configuration configuration) {
    String what = Optional.ofNullable(cause.getMessage()).orElse(cause.toString());
    String prefix = what.startsWith(migration) ? "" : migration + ": ";
    return prefix + what + " | To continue: " + howToContinue(migration, configuration);
  }

  static String howToContinue(String migration, Configuration configuration) {
    if (callbackRegistered(configuration)) {
      return "remove the cause and run the same migrate again; " + migration + " resumes where this run stopped"
          + " (flyway-zdm's callback removes this failed run from the schema history first: no flyway repair needed).";
    }
    return "remove the cause, run `flyway repair` (it deletes this failed run from the schema history; with"
        + " dev.flywayzdm.callback.ZeroDowntimeCallback registered, or through ZeroDowntimeMigrate or zdm:migrate, this"
        + " happens by itself), then the same migrate; "
        + migration + " resumes where this run stopped.";
  }

  static boolean callbackRegistered(Configuration configuration) {
    Callback[] callbacks = configuration == null ? null : configuration.getCallbacks();
    return callbacks != null && Arrays.stream(callbacks).anyMatch(c -> {
      try {
        return CALLBACK_NAME.equals(c.getCallbackName());
      } catch (RuntimeException | LinkageError e) {
        return false;
      }
    });
  }
}
