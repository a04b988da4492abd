package dev.flywayzdm.spring;

import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;

/** The {@code zdm} health contributor on Spring Boot 3.5 ({@code org.springframework.boot.actuate.health}). */
final class Boot35HealthIndicator implements HealthIndicator {

  private final ZdmStatusReader reader;

  Boot35HealthIndicator(ZdmStatusReader reader) {
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
