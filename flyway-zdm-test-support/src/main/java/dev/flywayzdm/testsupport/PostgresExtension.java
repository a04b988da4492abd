package dev.flywayzdm.testsupport;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * JUnit 5 extension behind {@link PostgresTest}: creates one database per top-level test class on
 * the shared {@link TestServer} before its first test and drops it after its last.
 */
public final class PostgresExtension implements BeforeAllCallback, AfterAllCallback, ParameterResolver {

  private static final ExtensionContext.Namespace NAMESPACE =
      ExtensionContext.Namespace.create(PostgresExtension.class);
  private static final String KEY = "database";

  @Override
  public void beforeAll(ExtensionContext context) {
    ExtensionContext owner = outermostClassContext(context);
    if (owner == context) {
      owner.getStore(NAMESPACE).put(KEY, TestServer.get().createDatabase(context.getRequiredTestClass()));
    }
  }

  @Override
  public void afterAll(ExtensionContext context) {
    if (outermostClassContext(context) == context) {
      TestDatabase database = context.getStore(NAMESPACE).remove(KEY, TestDatabase.class);
      if (database != null) {
        database.drop();
      }
    }
  }

  @Override
  public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
    return parameter.getParameter().getType() == TestDatabase.class;
  }

  @Override
  public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
    TestDatabase database =
        outermostClassContext(context).getStore(NAMESPACE).get(KEY, TestDatabase.class);
    if (database == null) {
      throw new IllegalStateException("no test database: is the class annotated with @PostgresTest?");
    }
    return database;
  }

  /** Nested classes share the database of the class that encloses them. */
  private static ExtensionContext outermostClassContext(ExtensionContext context) {
    ExtensionContext outermost = context;
    for (ExtensionContext c = context; c.getParent().isPresent(); c = c.getParent().get()) {
      if (c.getTestClass().isPresent() && c.getTestMethod().isEmpty()) {
        outermost = c;
      }
    }
    return outermost;
  }
}
