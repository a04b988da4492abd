package dev.flywayzdm.sample.app;

import java.util.Optional;

/** The service's data access to {@code orders}, implemented once per {@link AppVersion}. */
public interface Orders {

  /** An order; {@code amountCents} comes from whichever column the version uses. */
  record Order(long id, long userId, long amountCents, String status) {}

  long place(long userId, long amountCents);

  Optional<Order> find(long id);

  /** Marks a pending order shipped; false when it was not pending. */
  boolean ship(long orderId);
}
