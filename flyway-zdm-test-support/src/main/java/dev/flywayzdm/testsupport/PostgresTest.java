package dev.flywayzdm.testsupport;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Runs a test class against a real PostgreSQL server, in a database of its own.
 *
 * <p>Declare a {@link TestDatabase} parameter (constructor, lifecycle or test method) to get it:
 *
 * <pre>{@code
 * @PostgresTest
 * class OrdersTest {
 *   @Test
 *   void writesAnOrder(TestDatabase db) throws SQLException {
 *     db.execute("CREATE TABLE orders (id bigint PRIMARY KEY)");
 *   }
 * }
 * }</pre>
 *
 * The server comes from {@code ZDM_TEST_JDBC_URL}, else Testcontainers, else the class fails with
 * instructions: see {@link TestServer}.
 */
@Documented
@Inherited
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
@ExtendWith(PostgresExtension.class)
public @interface PostgresTest {}
