/**
 * The test-bed server for the database integration tests: the same ZDM_TEST_JDBC_URL (+ ZDM_TEST_USER,
 * ZDM_TEST_PASSWORD) every other test uses. Without it they fail: integration tests never skip.
 */
class ItDatabase {

  static final String NO_SERVER = '''No PostgreSQL server for the database integration tests, and they never skip. Get one:
  start a throwaway server (no Docker needed) and export its URL:
    eval "$(scripts/postgres start 17)"      # 13..18; prints export ZDM_TEST_JDBC_URL=...
  or point ZDM_TEST_JDBC_URL (+ ZDM_TEST_USER, ZDM_TEST_PASSWORD) at a server of your own.'''

  static String url() {
    String url = System.getenv('ZDM_TEST_JDBC_URL')
    if (url == null || url.isBlank()) {
      throw new IllegalStateException(NO_SERVER)
    }
    return url
  }

  static def connect() {
    Properties properties = new Properties()
    properties.setProperty('user', System.getenv('ZDM_TEST_USER') ?: 'postgres')
    String password = System.getenv('ZDM_TEST_PASSWORD')
    if (password) {
      properties.setProperty('password', password)
    }
    // the driver directly: DriverManager would not see a driver of the script's class loader
    return new org.postgresql.Driver().connect(url(), properties)
  }

  /** Drops the schemas an integration test uses, so each run starts from an empty database. */
  static void dropSchemas(String... schemas) {
    def connection = connect()
    try {
      schemas.each { schema ->
        assert schema ==~ /it_[a-z_]+/ : "integration-test schemas are named it_<name>, not $schema"
        connection.createStatement().execute("DROP SCHEMA IF EXISTS \"$schema\" CASCADE")
      }
    } finally {
      connection.close()
    }
  }

  /** A single number from the test-bed database, e.g. a row count. */
  static long queryLong(String sql) {
    def connection = connect()
    try {
      def result = connection.createStatement().executeQuery(sql)
      result.next()
      return result.getLong(1)
    } finally {
      connection.close()
    }
  }
}
