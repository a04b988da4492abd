package dev.flywayzdm.sample.demo;

import javax.sql.DataSource;
import org.flywaydb.core.Flyway;

/**
 * The naive run: plain Flyway with its defaults, the plain SQL of {@code db/naive}, no flyway-zdm
 * callback, no lock_timeout, no retry.
 */
final class NaiveMigrator implements Migrator {

  private final DataSource dataSource;

  NaiveMigrator(DataSource dataSource) {
    this.dataSource = dataSource;
  }

  @Override
  public void migrateTo(String version) {
    Flyway.configure()
        .dataSource(dataSource)
        .locations("classpath:db/naive")
        .target(version)
        .load()
        .migrate();
  }

  @Override
  public long retriesSoFar() {
    return 0;
  }
}
