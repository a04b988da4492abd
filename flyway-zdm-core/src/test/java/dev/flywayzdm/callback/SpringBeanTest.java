package dev.flywayzdm.callback;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.flywayzdm.config.ZdmSettings;
import dev.flywayzdm.testsupport.PostgresTest;
import dev.flywayzdm.testsupport.TestDatabase;
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
