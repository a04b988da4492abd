package dev.flywayzdm.internal.pg;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flywayzdm.testsupport.PostgresTest;
import dev.flywayzdm.testsupport.TestDatabase;
import java.net.URL;
import java.net.URLClassLoader;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

@PostgresTest
class SessionActivityTest {

  @Test
  void namesTheSessionHoldingALockOnATable(TestDatabase db) throws Exception {
    db.execute("CREATE TABLE \"Locked Orders\" (id int)");
    try (Connection blocker = db.connect(); Connection observer = db.connect()) {
      int blockerPid = SessionActivity.backendPid(blocker);
      blocker.setAutoCommit(false);
      try (Statement statement = blocker.createStatement()) {
        statement.execute("SET application_name = 'long-report'");
        statement.execute("LOCK TABLE \"Locked Orders\" IN SHARE MODE");
      }

      List<SessionInfo> lockers = SessionActivity.lockersOf(observer, new Identifier("Locked Orders").quoted());
      List<SessionInfo> old = SessionActivity.transactionsOlderThan(observer, Duration.ofMillis(1));

      assertThat(lockers).singleElement().satisfies(s -> {
        assertThat(s.pid()).isEqualTo(blockerPid);
        assertThat(s.lockMode()).isEqualTo("ShareLock");
        assertThat(s.applicationName()).isEqualTo("long-report");
        assertThat(s.state()).isEqualTo("idle in transaction");
        assertThat(s.describe()).contains("pid " + blockerPid).contains("LOCK TABLE");
      });
      assertThat(old).extracting(SessionInfo::pid).contains(blockerPid);
      blocker.rollback();
    }
  }

  @Test
  void namesTheSessionsABackendWaitsFor(TestDatabase db) throws Exception {
    db.execute("CREATE TABLE waits (id int)");
    try (Connection blocker = db.connect(); Connection waiter = db.connect(); Connection observer = db.connect()) {
      blocker.setAutoCommit(false);
      try (Statement statement = blocker.createStatement()) {
        statement.execute("LOCK TABLE waits IN ACCESS EXCLUSIVE MODE");
      }
      int waiterPid = SessionActivity.backendPid(waiter);
      Thread waiting = new Thread(() -> {
        try (Statement statement = waiter.createStatement()) {
          statement.execute("SET lock_timeout = '10s'");
          statement.execute("SELECT count(*) FROM waits");
        } catch (Exception ignored) {
          // ends when the blocker rolls back
        }
      });
      waiting.start();

      List<SessionInfo> blockers = List.of();
      for (long deadline = System.nanoTime() + 5_000_000_000L; blockers.isEmpty() && System.nanoTime() < deadline; ) {
        blockers = SessionActivity.blockersOf(observer, waiterPid);
        Thread.sleep(20);
      }

      assertThat(blockers).extracting(SessionInfo::pid).containsExactly(SessionActivity.backendPid(blocker));
      blocker.rollback();
      waiting.join(10_000);
    }
  }

  /**
   * Regression: the query text was built with {@code String.formatted}, which writes numbers with the
   * default locale's digits: under ar-SA it read {@code left(..., ٢٠٠)} and every session listing failed,
   * so lock waits and pre-flight warnings named no one. A fresh class loader initialises the class under
   * that locale.
   */
  @Test
  void sessionQueriesStillRunWhenTheDefaultLocaleWritesArabicDigits(TestDatabase db) throws Exception {
    Locale original = Locale.getDefault();
    URL classes = SessionActivity.class.getProtectionDomain().getCodeSource().getLocation();
    try (URLClassLoader fresh = new URLClassLoader(new URL[] {classes}, ClassLoader.getPlatformClassLoader());
        Connection connection = db.connect()) {
      Locale.setDefault(Locale.forLanguageTag("ar-SA"));
      Class<?> activity = Class.forName(SessionActivity.class.getName(), true, fresh);

      Object sessions = activity.getMethod("transactionsOlderThan", Connection.class, Duration.class)
          .invoke(null, connection, Duration.ofHours(1));

      assertThat(sessions).as("the listing ran instead of failing on a malformed query").isInstanceOf(List.class);
    } finally {
      Locale.setDefault(original);
    }
  }
}
