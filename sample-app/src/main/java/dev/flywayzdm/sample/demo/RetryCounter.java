package dev.flywayzdm.sample.demo;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.AppenderBase;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Pattern;
import org.slf4j.LoggerFactory;

/**
 * Counts the lock retries flyway-zdm announces in its log ("retrying (attempt 2 of at most 11)").
 * The log is flyway-zdm's public account of what it did, so the demo reads it rather than reaching
 * into the library. Install after Spring Boot started: it resets Logback on startup.
 */
final class RetryCounter extends AppenderBase<ILoggingEvent> implements AutoCloseable {

  private static final Pattern RETRY = Pattern.compile("retrying.*\\(attempt \\d+");

  private final AtomicLong count = new AtomicLong();
  private Logger logger;

  static RetryCounter install() {
    RetryCounter counter = new RetryCounter();
    if (LoggerFactory.getILoggerFactory() instanceof LoggerContext context) {
      counter.setContext(context);
      counter.setName("zdm-demo-retries");
      counter.start();
      counter.logger = context.getLogger("dev.flywayzdm");
      counter.logger.addAppender(counter);
    }
    return counter;
  }

  long count() {
    return count.get();
  }

  @Override
  protected void append(ILoggingEvent event) {
    if (RETRY.matcher(event.getFormattedMessage()).find()) {
      count.incrementAndGet();
    }
  }

  @Override
  public void close() {
    if (logger != null) {
      logger.detachAppender(this);
    }
    stop();
  }
}
