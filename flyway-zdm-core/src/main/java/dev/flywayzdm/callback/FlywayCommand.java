package dev.flywayzdm.callback;

/**
 * Which Flyway command is running, for events that several commands fire ({@code BEFORE_VALIDATE}
 * fires for {@code validate} and for the validation inside {@code migrate}). Flyway's callback
 * context does not say; the call stack does, on every runner (API, Maven plugin, command line,
 * Spring Boot): they all call {@code Flyway.migrate()}.
 */
final class FlywayCommand {

  private static final String FLYWAY = "org.flywaydb.core.Flyway";

  private FlywayCommand() {}

  /** Whether {@code Flyway.migrate()} is on the calling thread's stack. */
  static boolean isMigrate() {
    return StackWalker.getInstance().walk(frames ->
        frames.anyMatch(frame -> FLYWAY.equals(frame.getClassName()) && "migrate".equals(frame.getMethodName())));
  }
}
