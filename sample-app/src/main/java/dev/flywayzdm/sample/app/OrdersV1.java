package dev.flywayzdm.sample.app;

import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Release 1: amounts live in the {@code int} column {@code orders.amount}. */
@Repository
public class OrdersV1 implements Orders {

  private final JdbcClient jdbc;

  public OrdersV1(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  @Override
  public long place(long userId, long amountCents) {
    return jdbc.sql("INSERT INTO orders (user_id, amount) VALUES (?, ?) RETURNING id")
        .params(userId, Math.toIntExact(amountCents)).query(Long.class).single();
  }

  @Override
  public Optional<Order> find(long id) {
    return jdbc.sql("SELECT id, user_id, amount, status FROM orders WHERE id = ?").param(id)
        .query((row, n) -> new Order(row.getLong(1), row.getLong(2), row.getInt(3), row.getString(4))).optional();
  }

  @Override
  public boolean ship(long orderId) {
    return jdbc.sql("UPDATE orders SET status = 'shipped' WHERE id = ? AND status = 'pending'").param(orderId).update() == 1;
  }
}
