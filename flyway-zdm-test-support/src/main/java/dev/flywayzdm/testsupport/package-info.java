/**
 * JUnit 5 support for tests against a real PostgreSQL: {@link dev.flywayzdm.testsupport.PostgresTest}
 * gives each test class a database of its own, reached through a
 * {@link dev.flywayzdm.testsupport.TestDatabase} parameter, on the server
 * {@link dev.flywayzdm.testsupport.TestServer} finds ({@code ZDM_TEST_JDBC_URL}, else Testcontainers).
 */
package dev.flywayzdm.testsupport;
