package dev.flywayzdm.sample.app;

import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Release 2: amounts live in the {@code bigint} column {@code orders.amount_cents}. */
@Repository
public class OrdersV2 implements Orders {

  private final JdbcClient jdbc;

  public OrdersV2(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  @Override
  public long place(long userId, long amountCents) {
    return jdbc.sql("INSERT INTO orders (user_id, amount_cents) VALUES (?, ?) RETURNING id")
        .params(userId, amountCents).query(Long.class).single();
  }

  @Override
  public Optional<Order> find(long id) {
    return jdbc.sql("SELECT id, user_id, amount_cents, status FROM orders WHERE id = ?").param(id)
        .query((row, n) -> new Order(row.getLong(1), row.getLong(2), row.getLong(3), row.getString(4))).optional();
  }

  @Override
  public boolean ship(long orderId) {
    return jdbc.sql("UPDATE orders SET status = 'shipped' WHERE id = ? AND status = 'pending'").param(orderId).update() == 1;
  }
}
