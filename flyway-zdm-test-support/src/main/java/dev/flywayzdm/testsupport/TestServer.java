package dev.flywayzdm.testsupport;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.ThreadLocalRandom;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.postgresql.PostgreSQLContainer;

/**
 * The PostgreSQL server all tests of one JVM share, resolved once, in this order:
 *
 * <ol>
 *   <li>{@code ZDM_TEST_JDBC_URL} (with {@code ZDM_TEST_USER}, {@code ZDM_TEST_PASSWORD} and
 *       optionally {@code ZDM_TEST_PG_MAJOR}, as printed by {@code scripts/postgres start}); the
 *       same names as system properties in lower camel case ({@code zdm.test.jdbcUrl}) also work;
 *   <li>a Testcontainers {@code postgres:17} container when a Docker engine answers;
 *   <li>otherwise every database test fails with instructions: tests never skip silently.
 * </ol>
 */
public final class TestServer {

  static final String DOCKER_IMAGE = "postgres:17";
  static final int DOCKER_MAJOR = 17;

  private static TestServer instance;

  private final String adminUrl;
  private final String user;
  private final String password;
  private final Optional<Integer> expectedMajor;
  private final String origin;

  private TestServer(String adminUrl, String user, String password, Optional<Integer> expectedMajor, String origin) {
    this.adminUrl = adminUrl;
    this.user = user;
    this.password = password;
    this.expectedMajor = expectedMajor;
    this.origin = origin;
  }

  /** The shared server; resolving it may start a container, and fails with instructions when none can be had. */
  public static synchronized TestServer get() {
    if (instance == null) {
      instance = resolve();
    }
    return instance;
  }

  private static TestServer resolve() {
    String url = setting("ZDM_TEST_JDBC_URL", "zdm.test.jdbcUrl");
    if (url != null && !url.isBlank()) {
      String user = Optional.ofNullable(setting("ZDM_TEST_USER", "zdm.test.user")).orElse("postgres");
      String password = Optional.ofNullable(setting("ZDM_TEST_PASSWORD", "zdm.test.password")).orElse("");
      Optional<Integer> major = Optional.ofNullable(setting("ZDM_TEST_PG_MAJOR", "zdm.test.pgMajor"))
          .filter(s -> !s.isBlank()).map(s -> parseMajor(s));
      return new TestServer(url, user, password, major, "ZDM_TEST_JDBC_URL " + JdbcUrls.withoutSecrets(url));
    }
    if (dockerAvailable()) {
      PostgreSQLContainer container = new PostgreSQLContainer(DOCKER_IMAGE);
      container.start();
      return new TestServer(container.getJdbcUrl(), container.getUsername(), container.getPassword(),
          Optional.of(DOCKER_MAJOR), "Testcontainers " + DOCKER_IMAGE);
    }
    throw new IllegalStateException("""
        No PostgreSQL server for the database tests, and they never skip. Get one in either way:
          1. start a throwaway server (no Docker needed) and export its URL:
               eval "$(scripts/postgres start 17)"      # 13..18; prints export ZDM_TEST_JDBC_URL=...
             or point ZDM_TEST_JDBC_URL (+ ZDM_TEST_USER, ZDM_TEST_PASSWORD) at a server of your own,
             with a user that may CREATE DATABASE;
          2. or start a Docker engine: Testcontainers then runs %s.""".formatted(DOCKER_IMAGE));
  }

  private static Integer parseMajor(String text) {
    try {
      return Integer.valueOf(text.trim());
    } catch (NumberFormatException e) {
      throw new IllegalStateException("ZDM_TEST_PG_MAJOR must be a PostgreSQL major such as 17, was '" + text + "'", e);
    }
  }

  private static boolean dockerAvailable() {
    try {
      return DockerClientFactory.instance().isDockerAvailable();
    } catch (RuntimeException | LinkageError e) {
      return false;
    }
  }

  private static String setting(String envName, String propertyName) {
    String value = System.getProperty(propertyName);
    return value != null ? value : System.getenv(envName);
  }

  /** The major version the server was requested as ({@code ZDM_TEST_PG_MAJOR} or the container's), if known. */
  public Optional<Integer> expectedMajor() {
    return expectedMajor;
  }

  /** Where the server came from, for messages (never contains a password). */
  public String origin() {
    return origin;
  }

  public String user() {
    return user;
  }

  public String password() {
    return password;
  }

  /** A connection to the database named in the server URL, for administration. */
  public Connection connectAdmin() throws SQLException {
    return connect(adminUrl);
  }

  Connection connect(String url) throws SQLException {
    Properties properties = new Properties();
    properties.setProperty("user", user);
    if (password != null && !password.isEmpty()) {
      properties.setProperty("password", password);
    }
    return DriverManager.getConnection(url, properties);
  }

  /** Creates a fresh, uniquely named database for one test class. */
  public TestDatabase createDatabase(Class<?> testClass) {
    String name = databaseName(testClass);
    try (Connection admin = connectAdmin(); Statement statement = admin.createStatement()) {
      statement.execute("CREATE DATABASE \"" + name + "\"");
    } catch (SQLException e) {
      throw new IllegalStateException("could not create test database " + name + " on " + origin
          + ": " + e.getMessage(), e);
    }
    return new TestDatabase(this, name, JdbcUrls.withDatabase(adminUrl, name));
  }

  void dropDatabase(String name) {
    try (Connection admin = connectAdmin(); Statement statement = admin.createStatement()) {
      // FORCE (PostgreSQL 13+) ends sessions a test left open, e.g. a writer thread's.
      statement.execute("DROP DATABASE IF EXISTS \"" + name + "\" WITH (FORCE)");
    } catch (SQLException e) {
      throw new IllegalStateException("could not drop test database " + name + ": " + e.getMessage(), e);
    }
  }

  static String databaseName(Class<?> testClass) {
    String base = testClass.getSimpleName().toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "_");
    if (base.length() > 40) {
      base = base.substring(0, 40);
    }
    return "zdm_" + base + "_" + Integer.toHexString(ThreadLocalRandom.current().nextInt(0x100000, 0xFFFFFF));
  }
}
