package dev.flywayzdm.sample;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The sample service: a users / orders store whose schema evolves through every flyway-zdm pattern.
 * Starting it migrates the database the way any Spring Boot service does, through flyway-zdm's
 * callback and retrying migration strategy, configured by flyway-zdm-spring-boot-starter (no
 * flyway-zdm code in the application: the dependency and {@code application.yml}):
 *
 * <pre>
 * mvn -pl sample-app -am -DskipTests package
 * java -cp ... dev.flywayzdm.sample.SampleApplication --spring.datasource.url=jdbc:postgresql://127.0.0.1:15417/shop
 * </pre>
 *
 * The demo ({@code scripts/demo}) runs the same application under traffic while the migrations are
 * applied one by one.
 */
@SpringBootApplication
public class SampleApplication {

  public static void main(String[] args) {
    try (ConfigurableApplicationContext context = SpringApplication.run(SampleApplication.class, args)) {
      JdbcClient jdbc = context.getBean(JdbcClient.class);
      String version = jdbc.sql("SELECT max(version::int)::text FROM flyway_schema_history WHERE success AND version IS NOT NULL")
          .query(String.class).optional().orElse("none");
      System.out.println("sample-app: schema at version " + version);
    }
  }
}
