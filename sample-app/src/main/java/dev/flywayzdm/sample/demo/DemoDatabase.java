package dev.flywayzdm.sample.demo;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Properties;
import java.util.regex.Pattern;

/** A database the demo (or a benchmark) creates on the server it was given, and how to reach it. */
public final class DemoDatabase {

  private static final Pattern NAME = Pattern.compile("[a-z_][a-z0-9_]{0,62}");
  private static final String PREFIX = "jdbc:postgresql://";

  private final String serverUrl;
  private final String url;
  private final String user;
  private final String password;
  private final String name;

  private DemoDatabase(String serverUrl, String url, String user, String password, String name) {
    this.serverUrl = serverUrl;
    this.url = url;
    this.user = user;
    this.password = password;
    this.name = name;
  }

  /**
   * Drops (when it exists) and creates database {@code name} on the server of {@code serverUrl},
   * which must name a database the user can connect to (e.g. {@code postgres}).
   */
  public static DemoDatabase recreate(String serverUrl, String user, String password, String name) throws SQLException {
    if (!NAME.matcher(name).matches()) {
      throw new IllegalArgumentException("database name '" + name
          + "' is not accepted: use lower-case letters, digits and _ (at most 63), starting with a letter or _");
    }
    DemoDatabase database = new DemoDatabase(serverUrl, withDatabase(serverUrl, name), user, password, name);
    try (Connection connection = database.open(serverUrl); Statement statement = connection.createStatement()) {
      statement.execute("DROP DATABASE IF EXISTS \"" + name + "\" WITH (FORCE)");
      statement.execute("CREATE DATABASE \"" + name + "\"");
    }
    return database;
  }

  /**
   * Connects to the server of {@code serverUrl} once, so an unreachable server or a refused login is
   * reported before anything starts.
   *
   * @throws SQLException the driver's refusal, e.g. "Connection to 127.0.0.1:5999 refused"
   */
  public static void checkReachable(String serverUrl, String user, String password) throws SQLException {
    try (Connection connection = new DemoDatabase(serverUrl, serverUrl, user, password, "").open(serverUrl)) {
      connection.isValid(5);
    }
  }

  /** The URL for messages: a password in its parameters masked. */
  static String masked(String jdbcUrl) {
    return jdbcUrl.replaceAll("(?i)(password=)[^&]*", "$1***");
  }

  /** Drops the database, closing any session still connected to it. */
  public void drop() throws SQLException {
    try (Connection connection = open(serverUrl); Statement statement = connection.createStatement()) {
      statement.execute("DROP DATABASE IF EXISTS \"" + name + "\" WITH (FORCE)");
    }
  }

  public String name() {
    return name;
  }

  public String url() {
    return url;
  }

  public String user() {
    return user;
  }

  public String password() {
    return password;
  }

  public Connection connect() throws SQLException {
    return open(url);
  }

  /** The server's version string, e.g. {@code 17.6}. */
  public String serverVersion() throws SQLException {
    try (Connection connection = connect(); Statement statement = connection.createStatement();
        ResultSet rows = statement.executeQuery("SHOW server_version")) {
      rows.next();
      return rows.getString(1).split(" ")[0];
    }
  }

  /** The server's major version, e.g. 17. */
  public int serverMajor() throws SQLException {
    try (Connection connection = connect()) {
      return connection.getMetaData().getDatabaseMajorVersion();
    }
  }

  private Connection open(String jdbcUrl) throws SQLException {
    Properties properties = new Properties();
    properties.setProperty("user", user);
    if (password != null && !password.isEmpty()) {
      properties.setProperty("password", password);
    }
    return DriverManager.getConnection(jdbcUrl, properties);
  }

  /** The same URL with its database replaced, query parameters kept. */
  static String withDatabase(String jdbcUrl, String database) {
    if (!jdbcUrl.startsWith(PREFIX)) {
      throw new IllegalArgumentException("--url " + jdbcUrl + " is not a PostgreSQL JDBC URL: expected " + PREFIX + "host:port/database");
    }
    int hostEnd = jdbcUrl.indexOf('/', PREFIX.length());
    int queryStart = jdbcUrl.indexOf('?', PREFIX.length());
    String query = queryStart < 0 ? "" : jdbcUrl.substring(queryStart);
    String hosts = jdbcUrl.substring(PREFIX.length(),
        hostEnd >= 0 && (queryStart < 0 || hostEnd < queryStart) ? hostEnd : queryStart < 0 ? jdbcUrl.length() : queryStart);
    return PREFIX + hosts + "/" + database + query;
  }
}
