package dev.flywayzdm.internal.logging;

import org.flywaydb.core.api.logging.Log;
import org.flywaydb.core.api.logging.LogFactory;

/**
 * flyway-zdm's one way to log: messages go to Flyway's {@link LogFactory}, never to a logging
 * framework directly. The Flyway command line, flyway-maven-plugin and Spring Boot each point Flyway's
 * log somewhere visible (its console, Maven's log, SLF4J), while a library's own SLF4J calls reach
 * only an application that has an SLF4J binding: the command line has none.
 *
 * <p>Messages use SLF4J-style {@code {}} placeholders, filled in order; a {@link Throwable} after the
 * last placeholder's argument is the cause. Only the methods every supported Flyway has are called
 * (11.7.2 to 13.x: 13 removed {@code Log.isDebugEnabled()}).
 */
public final class ZdmLog {

  private final Log log;

  private ZdmLog(Log log) {
    this.log = log;
  }

  /**
   * The log of {@code type}. Flyway's log follows later changes of Flyway's logger (a command line or
   * plugin that configures it after this class was loaded), so a static field is fine.
   */
  public static ZdmLog of(Class<?> type) {
    return new ZdmLog(LogFactory.getLog(type));
  }

  /** Detail for someone debugging a run: hidden at Flyway's default level. */
  public void debug(String template, Object... arguments) {
    log.debug(LogMessage.format(template, arguments).text());
  }

  /** What a run does: the settings applied, statements built, migrations gated. */
  public void info(String template, Object... arguments) {
    log.info(LogMessage.format(template, arguments).text());
  }

  /** Something an operator should look at: a blocker, a lint finding, a retry, a skipped safeguard. */
  public void warn(String template, Object... arguments) {
    log.warn(LogMessage.format(template, arguments).textWithCause());
  }

  /** A failure flyway-zdm reports before Flyway reports its own. */
  public void error(String template, Object... arguments) {
    LogMessage message = LogMessage.format(template, arguments);
    if (message.cause() instanceof Exception exception) {
      log.error(message.text(), exception);
    } else {
      log.error(message.textWithCause());
    }
  }
}
