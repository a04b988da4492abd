package dev.flywayzdm.sample.app;

import java.util.concurrent.atomic.AtomicReference;
import org.springframework.stereotype.Component;

/**
 * Which release of the data access code is live. Flipping it is the demo's "deploy": the service
 * keeps running and every request after the flip goes through the other release's repositories.
 */
@Component
public class Releases {

  private final UsersV1 usersV1;
  private final UsersV2 usersV2;
  private final OrdersV1 ordersV1;
  private final OrdersV2 ordersV2;
  private final AtomicReference<AppVersion> live = new AtomicReference<>(AppVersion.V1);

  public Releases(UsersV1 usersV1, UsersV2 usersV2, OrdersV1 ordersV1, OrdersV2 ordersV2) {
    this.usersV1 = usersV1;
    this.usersV2 = usersV2;
    this.ordersV1 = ordersV1;
    this.ordersV2 = ordersV2;
  }

  public AppVersion live() {
    return live.get();
  }

  public void deploy(AppVersion version) {
    live.set(version);
  }

  public Users users() {
    return live.get() == AppVersion.V1 ? usersV1 : usersV2;
  }

  public Orders orders() {
    return live.get() == AppVersion.V1 ? ordersV1 : ordersV2;
  }
}
