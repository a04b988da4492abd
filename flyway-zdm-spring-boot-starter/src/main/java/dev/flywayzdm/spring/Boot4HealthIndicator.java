package dev.flywayzdm.spring;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;

/** The {@code zdm} health contributor on Spring Boot 4 ({@code org.springframework.boot.health.contributor}). */
final class Boot4HealthIndicator implements HealthIndicator {

  private final ZdmStatusReader reader;

  Boot4HealthIndicator(ZdmStatusReader reader) {
    this.reader = reader;
  }

  @Override
  public Health health() {
    try {
      ZdmStatus status = reader.read();
      return (status.healthy() ? Health.up() : Health.down()).withDetails(status.summary()).build();
    } catch (RuntimeException e) {
      return Health.down(e).build();
    }
  }
}
