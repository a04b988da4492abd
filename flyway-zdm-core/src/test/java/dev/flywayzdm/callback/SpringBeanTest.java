package dev.flywayzdm.callback;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.flywayzdm.callback.rerun.V1__index;
import dev.flywayzdm.config.ZdmSettings;
import dev.flywayzdm.migration.ConcurrentIndex;
import dev.flywayzdm.testsupport.PostgresTest;
import dev.flywayzdm.testsupport.TestDatabase;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.callback.Callback;
import org.junit.jupiter.api.Test;
import org.springframework.context.annotation.AnnotationConfigApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The callback as a bean of a real Spring context (Spring Framework 6.2, as in Spring Boot 3.5),
 * on whichever Flyway the tests run on: Spring reflects over bean classes, plain Flyway never does.
 */
@PostgresTest
class SpringBeanTest {

  @Configuration(proxyBeanMethods = false)
  static class SpringForm {
    @Bean
    Callback zeroDowntimeCallback() {
      return ZeroDowntimeCallback.forSpring();
    }
  }

  @Configuration(proxyBeanMethods = false)
  static class PlainClass {
    @Bean
    Callback zeroDowntimeCallback() {
      return new ZeroDowntimeCallback();
    }
  }

  @Test
  void theSpringFormIsACallbackBeanThatRefusesAYoungContract(TestDatabase db) {
    try (AnnotationConfigApplicationContext context = new AnnotationConfigApplicationContext(SpringForm.class)) {
      Callback callback = context.getBean(Callback.class);

      assertThat(callback.getCallbackName()).isEqualTo("flyway-zdm");
      // What Spring Boot then does with every Callback bean: hand it to Flyway.
      assertThatThrownBy(() -> TestFlyway.configure(db.dataSource(), "spring_bean", "soak", ZdmSettings.defaults())
          .callbacks(callback).load().migrate())
          .hasMessageContaining("V2__contract must wait");
    }
  }

  @Test
  void theSpringFormContinuesAFailedFlywayZdmMigrationWithTheSameMigrate(TestDatabase db) throws Exception {
    db.execute("CREATE SCHEMA spring_rerun; CREATE TABLE spring_rerun.members (id int PRIMARY KEY, email text);"
        + " INSERT INTO spring_rerun.members VALUES (1, 'a@x'), (2, 'a@x')");
    try (AnnotationConfigApplicationContext context = new AnnotationConfigApplicationContext(SpringForm.class)) {
      Callback callback = context.getBean(Callback.class);
      Flyway flyway = TestFlyway.withSessionLock(
              TestFlyway.configure(db.dataSource(), "spring_rerun", "rerun_none", ZdmSettings.defaults()))
          .callbacks(callback).baselineOnMigrate(true).baselineVersion("0")
          .javaMigrations(new V1__index(() ->
              ConcurrentIndex.create("idx_members_email").on("members").unique().columns("email")))
          .load();

      assertThatThrownBy(flyway::migrate).as("the proxied callback is recognised: the advice needs no repair")
          .hasStackTraceContaining("run the same migrate again");
      db.execute("DELETE FROM spring_rerun.members WHERE id = 2");
      flyway.migrate();
    }
    assertThat(db.queryLong("SELECT count(*) FROM spring_rerun.flyway_schema_history WHERE version = '1' AND success"))
        .isEqualTo(1);
  }

  @Test
  void thePlainClassFailsAsABeanExactlyWhereFlywayLacksCallbackEvent() {
    if (RuntimeFlyway.hasCallbackEvent()) {
      try (AnnotationConfigApplicationContext context = new AnnotationConfigApplicationContext(PlainClass.class)) {
        assertThat(context.getBean(Callback.class)).isInstanceOf(ZeroDowntimeCallback.class);
      }
    } else {
      assertThatThrownBy(() -> new AnnotationConfigApplicationContext(PlainClass.class).close())
          .as("Flyway %s: Spring's introspection meets the bridge methods", RuntimeFlyway.version())
          .hasStackTraceContaining("NoClassDefFoundError: org/flywaydb/core/api/callback/CallbackEvent");
    }
  }
}
