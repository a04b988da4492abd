package dev.flywayzdm.callback;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.flywayzdm.config.ZdmSettings;
import dev.flywayzdm.testsupport.PostgresTest;
import dev.flywayzdm.testsupport.TestDatabase;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.UndeclaredThrowableException;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.flywaydb.core.api.callback.Callback;
import org.flywaydb.core.api.callback.Event;
import org.junit.jupiter.api.Test;

/**
 * {@link ZeroDowntimeCallback#forSpring()}: a callback whose class Spring can introspect on every
 * supported Flyway, and which behaves in a real run exactly like the plain callback.
 */
@PostgresTest
class CallbackForSpringTest {

  private static final String CALLBACK_EVENT = "org.flywaydb.core.api.callback.CallbackEvent";

  @Test
  void introspectingThePlainCallbackClassFailsWhereFlywayLacksCallbackEvent() {
    assertThat(classExists(CALLBACK_EVENT)).as("CallbackEvent exists from Flyway 11.13 on; running on %s",
        RuntimeFlyway.version()).isEqualTo(RuntimeFlyway.hasCallbackEvent());

    // What Spring does with every bean class. javac, compiling against 11.14, gave the class bridge
    // methods taking CallbackEvent: the reason forSpring() exists.
    if (RuntimeFlyway.hasCallbackEvent()) {
      assertThat(ZeroDowntimeCallback.class.getDeclaredMethods())
          .anySatisfy(method -> assertThat(method.isBridge() && mentions(method, CALLBACK_EVENT)).isTrue());
    } else {
      assertThatThrownBy(ZeroDowntimeCallback.class::getDeclaredMethods)
          .isInstanceOf(NoClassDefFoundError.class)
          .hasMessageContaining("org/flywaydb/core/api/callback/CallbackEvent");
    }
  }

  @Test
  void theSpringFormsClassIntrospectsOnEveryFlyway() {
    Class<?> beanClass = ZeroDowntimeCallback.forSpring().getClass();

    assertThat(Callback.class).isAssignableFrom(beanClass);
    assertThat(beanClass.getDeclaredMethods()).as("declared methods on Flyway %s", RuntimeFlyway.version())
        .extracting(Method::getName)
        .contains("supports", "canHandleInTransaction", "handle", "getCallbackName");
    if (!RuntimeFlyway.hasCallbackEvent()) {
      assertThat(beanClass.getMethods()).noneMatch(method -> mentions(method, CALLBACK_EVENT));
    }
  }

  @Test
  void theSpringFormAnswersFlywayLikeThePlainCallback() throws Exception {
    Callback plain = new ZeroDowntimeCallback();
    Callback springForm = ZeroDowntimeCallback.forSpring();

    assertThat(springForm.getCallbackName()).isEqualTo("flyway-zdm");
    for (Event event : Event.values()) {
      for (String question : List.of("supports", "canHandleInTransaction")) {
        assertThat(ask(springForm, question, event)).as("%s %s", question, event).isEqualTo(ask(plain, question, event));
      }
    }
  }

  /**
   * Calls {@code supports} / {@code canHandleInTransaction} the way the Flyway on the class path
   * does. A direct call compiled here would name 11.14's erased signature (CallbackEvent) and stop
   * this class from loading on 11.7.
   */
  private static Object ask(Callback callback, String question, Event event) throws Exception {
    Method method = Arrays.stream(Callback.class.getMethods())
        .filter(candidate -> candidate.getName().equals(question))
        .findFirst().orElseThrow();
    return method.invoke(callback, event, null);
  }

  @Test
  void theSpringFormIsEqualOnlyToItself() {
    Callback one = ZeroDowntimeCallback.forSpring();
    Callback other = ZeroDowntimeCallback.forSpring();

    assertThat(one).isEqualTo(one).isNotEqualTo(other).hasSameHashCodeAs(one);
    assertThat(one.hashCode()).isEqualTo(System.identityHashCode(one));
    assertThat(one.toString()).contains("ZeroDowntimeCallback");
  }

  @Test
  void runsEveryMigrationWithTheLockTimeoutAndRestoresTheSessionLikeThePlainCallback(TestDatabase db) throws Exception {
    ZdmSettings settings = ZdmSettings.builder()
        .lockTimeout(Duration.ofMillis(1500))
        .statementTimeout(Duration.ofSeconds(45))
        .build();
    try (ReusingDataSource pool = new ReusingDataSource(db, "SET lock_timeout = '7s'; SET statement_timeout = '77s'")) {
      TestFlyway.withSessionLock(TestFlyway.configure(pool, "spring_form", "timeouts", settings)
          .callbacks(ZeroDowntimeCallback.forSpring())).load().migrate();

      assertThat(seen(db, "spring_form")).containsExactly(
          Map.entry("V1", "1500ms / 45s"),
          Map.entry("V2", "1500ms / 77s"),
          Map.entry("V3", "9s / 45s"),
          Map.entry("V4", "1500ms / 45s"));
      for (Connection connection : pool.physicalConnections()) {
        assertThat(show(connection, "lock_timeout")).as("lock_timeout after migrate").isEqualTo("7s");
      }
    }
  }

  @Test
  void refusesAYoungContractWithTheSameExceptionAsThePlainCallback(TestDatabase db) throws Exception {
    Throwable plain = catchThrowable(() ->
        TestFlyway.configure(db.dataSource(), "soak_plain", "soak", ZdmSettings.defaults()).load().migrate());
    Throwable springForm = catchThrowable(() ->
        TestFlyway.configure(db.dataSource(), "soak_spring_form", "soak", ZdmSettings.defaults())
            .callbacks(ZeroDowntimeCallback.forSpring()).load().migrate());

    assertThat(springForm).hasMessageContaining("V2__contract must wait").hasMessageContaining("soak 1d");
    assertThat(causeChain(springForm)).as("Flyway sees the callback's own exception, not the proxy's wrapping")
        .isEqualTo(causeChain(plain))
        .contains(MigrationRefusedException.class)
        .doesNotContain(InvocationTargetException.class, UndeclaredThrowableException.class);
    assertThat(db.queryLong("SELECT count(*) FROM information_schema.columns"
        + " WHERE table_schema = 'soak_spring_form' AND table_name = 'users' AND column_name = 'name'"))
        .as("the contract did not run").isEqualTo(1);
  }

  @Test
  void plainFlywayLoadsThePlainClassByNameOnEveryFlyway(TestDatabase db) {
    // What flyway.callbacks=dev.flywayzdm.callback.ZeroDowntimeCallback does: no forSpring() needed there.
    assertThatThrownBy(() -> TestFlyway.configure(db.dataSource(), "soak_by_name", "soak", ZdmSettings.defaults())
        .callbacks(ZeroDowntimeCallback.class.getName()).load().migrate())
        .hasMessageContaining("V2__contract must wait");
  }

  private static boolean classExists(String name) {
    try {
      Class.forName(name, false, Callback.class.getClassLoader());
      return true;
    } catch (ClassNotFoundException e) {
      return false;
    }
  }

  private static boolean mentions(Method method, String typeName) {
    for (Class<?> parameter : method.getParameterTypes()) {
      if (parameter.getName().equals(typeName)) {
        return true;
      }
    }
    return method.getReturnType().getName().equals(typeName);
  }

  private static List<Class<?>> causeChain(Throwable thrown) {
    List<Class<?>> chain = new ArrayList<>();
    for (Throwable t = thrown; t != null; t = t.getCause()) {
      chain.add(t.getClass());
    }
    return chain;
  }

  private static String show(Connection connection, String setting) throws SQLException {
    try (Statement statement = connection.createStatement(); ResultSet rows = statement.executeQuery("SHOW " + setting)) {
      rows.next();
      return rows.getString(1);
    }
  }

  private static Map<String, String> seen(TestDatabase db, String schema) throws SQLException {
    Map<String, String> seen = new LinkedHashMap<>();
    try (Connection connection = db.connect(); Statement statement = connection.createStatement();
        ResultSet rows = statement.executeQuery("SELECT migration, lock_timeout || ' / ' || statement_timeout FROM "
            + schema + ".seen ORDER BY migration")) {
      while (rows.next()) {
        seen.put(rows.getString(1), rows.getString(2));
      }
    }
    return seen;
  }
}
