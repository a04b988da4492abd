package dev.flywayzdm.sample.demo;

import dev.flywayzdm.internal.settings.DurationText;
import dev.flywayzdm.sample.SampleApplication;
import dev.flywayzdm.sample.app.Releases;
import java.util.LinkedHashMap;
import java.util.Map;
import javax.sql.DataSource;
import org.springframework.boot.Banner;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The sample service, started the way it starts in production (its own {@code application.yml},
 * Hikari pool, repositories, flyway-zdm wiring), pointed at a demo database.
 */
final class Service implements AutoCloseable {

  private final ConfigurableApplicationContext context;

  private Service(ConfigurableApplicationContext context) {
    this.context = context;
  }

  /**
   * Starts the service; the demo's settings are passed as command-line arguments, which take
   * precedence over {@code application.yml} as they would in production. In a flyway-zdm mode the service migrates at startup as usual, to V1 only
   * (the demo applies the rest step by step, under traffic); without it Flyway stays off, for the
   * naive run.
   */
  static Service start(DemoDatabase database, DemoOptions options, DemoOptions.Mode mode) {
    boolean flyway = mode.zdm();
    Map<String, Object> properties = new LinkedHashMap<>();
    properties.put("spring.datasource.url", database.url());
    properties.put("spring.datasource.username", database.user());
    properties.put("spring.datasource.password", database.password() == null ? "" : database.password());
    properties.put("spring.datasource.hikari.maximum-pool-size", options.trafficThreads() + 2);
    properties.put("spring.datasource.hikari.pool-name", "sample-" + database.name());
    // No statement_timeout for the application: a stall shows as a long wait, not as an error.
    properties.put("spring.datasource.hikari.connection-init-sql", "SET statement_timeout = 0");
    properties.put("spring.flyway.enabled", flyway);
    properties.put("spring.flyway.target", "1");
    properties.put("flyway.zdm.lock-timeout", DurationText.format(options.lockTimeout()));
    properties.put("flyway.zdm.soak", DurationText.format(options.soak()));
    // The "before" run: no short attempts, each try of a statement queues for a whole lock_timeout.
    properties.put("flyway.zdm.lock-attempt-timeout",
        mode == DemoOptions.Mode.ZDM_BEFORE ? "0" : DurationText.format(options.lockAttemptTimeout()));
    properties.put("flyway.zdm.lock-retry-max-backoff", "2s");
    properties.put("flyway.zdm.lock-retries", "30");
    properties.put("logging.level.root", "WARN");
    properties.put("logging.level.dev.flywayzdm", "INFO");
    ConfigurableApplicationContext context = new SpringApplicationBuilder(SampleApplication.class)
        .web(WebApplicationType.NONE)
        .bannerMode(Banner.Mode.OFF)
        .logStartupInfo(false)
        .run(properties.entrySet().stream().map(e -> "--" + e.getKey() + "=" + e.getValue()).toArray(String[]::new));
    return new Service(context);
  }

  Releases releases() {
    return context.getBean(Releases.class);
  }

  DataSource dataSource() {
    return context.getBean(DataSource.class);
  }

  ConfigurableApplicationContext context() {
    return context;
  }

  @Override
  public void close() {
    context.close();
  }
}
