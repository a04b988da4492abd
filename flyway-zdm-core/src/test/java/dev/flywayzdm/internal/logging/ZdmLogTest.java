package dev.flywayzdm.internal.logging;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.flywaydb.core.api.logging.Log;
import org.flywaydb.core.api.logging.LogCreator;
import org.flywaydb.core.api.logging.LogFactory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The Flyway command line and flyway-maven-plugin install their own {@link LogCreator}; whatever they
 * install is where flyway-zdm's lines must go, at the level they were written at.
 */
class ZdmLogTest {

  private static final ZdmLog LOG = ZdmLog.of(ZdmLogTest.class);

  private final List<String> lines = new CopyOnWriteArrayList<>();

  @AfterEach
  void backToAutoDetection() {
    LogFactory.setLogCreator(null);
  }

  @Test
  void writesThroughTheLogCreatorFlywayWasGivenEvenAfterTheFieldWasCreated() {
    LogFactory.setLogCreator(type -> new RecordingLog(type, lines));

    LOG.debug("{}: detail", "V1__a");
    LOG.info("{}: lock_timeout {}", "V2__b", "2s");
    LOG.warn("{}: blocked by pid {}", "V3__c", 4711);
    LOG.error("{}: gave up", "V4__d", new IllegalStateException("55P03"));

    assertThat(lines).containsExactly(
        "DEBUG ZdmLogTest V1__a: detail",
        "INFO ZdmLogTest V2__b: lock_timeout 2s",
        "WARN ZdmLogTest V3__c: blocked by pid 4711",
        "ERROR ZdmLogTest V4__d: gave up / java.lang.IllegalStateException: 55P03");
  }

  /** A Flyway log as the command line's console log is one: every level, to a list. */
  private record RecordingLog(Class<?> type, List<String> lines) implements Log {
    @Override
    public boolean isDebugEnabled() {
      return true;
    }

    @Override
    public void debug(String message) {
      lines.add("DEBUG " + type.getSimpleName() + " " + message);
    }

    @Override
    public void info(String message) {
      lines.add("INFO " + type.getSimpleName() + " " + message);
    }

    @Override
    public void warn(String message) {
      lines.add("WARN " + type.getSimpleName() + " " + message);
    }

    @Override
    public void error(String message) {
      lines.add("ERROR " + type.getSimpleName() + " " + message);
    }

    @Override
    public void error(String message, Exception e) {
      lines.add("ERROR " + type.getSimpleName() + " " + message + " / " + e);
    }

    @Override
    public void notice(String message) {
      lines.add("NOTICE " + type.getSimpleName() + " " + message);
    }
  }
}
