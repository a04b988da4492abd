package dev.flywayzdm.sample.demo;

import org.flywaydb.core.Flyway;
import org.springframework.boot.flyway.autoconfigure.FlywayMigrationStrategy;
import org.springframework.context.ApplicationContext;

/**
 * The flyway-zdm run: the service's own Flyway, exactly as Spring Boot configured it from
 * {@code application.yml} (callback, {@code flyway.zdm.*} settings, session lock), with a target per
 * step, run through the service's migration strategy.
 */
final class ZdmMigrator implements Migrator {

  private final Flyway configured;
  private final FlywayMigrationStrategy strategy;
  private final RetryCounter retries;

  ZdmMigrator(ApplicationContext context, RetryCounter retries) {
    this.configured = context.getBean(Flyway.class);
    this.strategy = context.getBeanProvider(FlywayMigrationStrategy.class).getIfAvailable(() -> Flyway::migrate);
    this.retries = retries;
  }

  @Override
  public void migrateTo(String version) {
    Flyway flyway = Flyway.configure(configured.getConfiguration().getClassLoader())
        .configuration(configured.getConfiguration())
        .target(version)
        .load();
    strategy.migrate(flyway);
  }

  @Override
  public long retriesSoFar() {
    return retries.count();
  }
}
