package dev.flywayzdm.testsupport;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;
import org.postgresql.ds.PGSimpleDataSource;

/** A database of its own for one test class on the shared {@link TestServer}; dropped after the class. */
public final class TestDatabase {

  private final TestServer server;
  private final String name;
  private final String jdbcUrl;

  TestDatabase(TestServer server, String name, String jdbcUrl) {
    this.server = server;
    this.name = name;
    this.jdbcUrl = jdbcUrl;
  }

  public String name() {
    return name;
  }

  public String jdbcUrl() {
    return jdbcUrl;
  }

  public String user() {
    return server.user();
  }

  public String password() {
    return server.password();
  }

  public TestServer server() {
    return server;
  }

  /** A new connection to this database (autocommit on); the caller closes it. */
  public Connection connect() throws SQLException {
    return server.connect(jdbcUrl);
  }

  /** A non-pooling data source for this database, as Flyway or an application would use it. */
  public DataSource dataSource() {
    PGSimpleDataSource dataSource = new PGSimpleDataSource();
    dataSource.setUrl(jdbcUrl);
    dataSource.setUser(server.user());
    if (server.password() != null && !server.password().isEmpty()) {
      dataSource.setPassword(server.password());
    }
    return dataSource;
  }

  /** Runs SQL on a fresh autocommit connection. */
  public void execute(String sql) throws SQLException {
    try (Connection connection = connect(); Statement statement = connection.createStatement()) {
      statement.execute(sql);
    }
  }

  /** The first column of the first row of a query, or null when there is no row. */
  public Object queryValue(String sql) throws SQLException {
    try (Connection connection = connect();
        Statement statement = connection.createStatement();
        ResultSet rows = statement.executeQuery(sql)) {
      return rows.next() ? rows.getObject(1) : null;
    }
  }

  /** A numeric query result as a long (counts, sums). */
  public long queryLong(String sql) throws SQLException {
    Object value = queryValue(sql);
    if (value == null) {
      throw new IllegalStateException("query returned no value: " + sql);
    }
    return ((Number) value).longValue();
  }

  /** The server's {@code server_version_num}, e.g. 170002. */
  public int serverVersionNum() throws SQLException {
    return (int) Long.parseLong(String.valueOf(queryValue("SHOW server_version_num")));
  }

  void drop() {
    server.dropDatabase(name);
  }

  @Override
  public String toString() {
    return name + " on " + server.origin();
  }
}
