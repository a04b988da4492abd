package dev.flywayzdm.sample.boot35;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * The sample service's schema on Spring Boot 3.5: starting it migrates the database through Spring
 * Boot's own Flyway auto-configuration, with the sample's migrations and flyway-zdm-spring-boot-starter
 * (the same dependency and {@code application.yml} keys as on Spring Boot 4).
 *
 * <p>Its component scan covers this package only, so nothing of sample-app's Spring Boot 4 code is
 * loaded; sample-app contributes its {@code db/migration} classes and SQL files.
 */
@SpringBootApplication
public class Boot35SampleApplication {

  public static void main(String[] args) {
    SpringApplication.run(Boot35SampleApplication.class, args).close();
  }
}
