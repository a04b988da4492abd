package dev.flywayzdm.spring;

import java.util.Map;
import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.actuate.endpoint.annotation.ReadOperation;

/**
 * {@code /actuator/zdm}: the soak gates of the pending contracts (from when each may run) and the
 * running backfills with their progress, read afresh on each request. Exposed like any endpoint
 * ({@code management.endpoints.web.exposure.include=health,zdm}).
 */
@Endpoint(id = "zdm")
class ZdmEndpoint {

  private final ZdmStatusReader reader;

  ZdmEndpoint(ZdmStatusReader reader) {
    this.reader = reader;
  }

  @ReadOperation
  public Map<String, Object> status() {
    return reader.read().toMap();
  }
}
