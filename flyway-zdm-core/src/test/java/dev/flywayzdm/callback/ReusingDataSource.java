package dev.flywayzdm.callback;

import dev.flywayzdm.testsupport.TestDatabase;
import java.io.PrintWriter;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.sql.Statement;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.logging.Logger;
import javax.sql.DataSource;

/**
 * A minimal connection pool: closing a connection returns the physical one for reuse, as a real
 * pool does. Every physical connection starts with the session setting {@code initSql} (what an
 * application's pool might do), so a test can see whether Flyway's run left anything behind.
 */
final class ReusingDataSource implements DataSource, AutoCloseable {

  private final TestDatabase db;
  private final String initSql;
  private final Deque<Connection> idle = new ArrayDeque<>();
  private final List<Connection> all = new ArrayList<>();

  ReusingDataSource(TestDatabase db, String initSql) {
    this.db = db;
    this.initSql = initSql;
  }

  /** Every physical connection handed out so far. */
  synchronized List<Connection> physicalConnections() {
    return List.copyOf(all);
  }

  @Override
  public synchronized Connection getConnection() throws SQLException {
    Connection physical = idle.poll();
    if (physical == null) {
      physical = db.connect();
      try (Statement statement = physical.createStatement()) {
        statement.execute(initSql);
      }
      all.add(physical);
    }
    Connection handedOut = physical;
    return (Connection) Proxy.newProxyInstance(Connection.class.getClassLoader(), new Class<?>[] {Connection.class},
        (proxy, method, args) -> {
          if (method.getName().equals("close")) {
            giveBack(handedOut);
            return null;
          }
          if (method.getName().equals("isClosed")) {
            return false;
          }
          try {
            return method.invoke(handedOut, args);
          } catch (InvocationTargetException e) {
            throw e.getCause();
          }
        });
  }

  private synchronized void giveBack(Connection physical) throws SQLException {
    if (!physical.getAutoCommit()) {
      physical.rollback();
      physical.setAutoCommit(true);
    }
    if (!idle.contains(physical)) {
      idle.push(physical);
    }
  }

  @Override
  public Connection getConnection(String username, String password) throws SQLException {
    return getConnection();
  }

  @Override
  public synchronized void close() throws SQLException {
    for (Connection connection : all) {
      connection.close();
    }
  }

  @Override
  public PrintWriter getLogWriter() {
    return null;
  }

  @Override
  public void setLogWriter(PrintWriter out) {}

  @Override
  public void setLoginTimeout(int seconds) {}

  @Override
  public int getLoginTimeout() {
    return 0;
  }

  @Override
  public Logger getParentLogger() throws SQLFeatureNotSupportedException {
    throw new SQLFeatureNotSupportedException();
  }

  @Override
  public <T> T unwrap(Class<T> type) throws SQLException {
    throw new SQLException("not a wrapper");
  }

  @Override
  public boolean isWrapperFor(Class<?> type) {
    return false;
  }
}
