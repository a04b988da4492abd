package dev.flywayzdm.sample.demo;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * Fills the V1 tables fast: one INSERT ... SELECT generate_series per table, then ANALYZE. Users get
 * ids 1..rows and one order each, a tenth of them still pending.
 */
final class DataLoader {

  private DataLoader() {}

  static void load(DemoDatabase database, long rows) throws SQLException {
    try (Connection connection = database.connect()) {
      try (PreparedStatement users = connection.prepareStatement("""
          INSERT INTO users (email, name, created_at)
          SELECT 'user' || g || '@example.com', 'User ' || g, now() - g * interval '1 second'
          FROM generate_series(1, ?) AS g""")) {
        users.setLong(1, rows);
        users.executeUpdate();
      }
      try (PreparedStatement orders = connection.prepareStatement("""
          INSERT INTO orders (user_id, amount, status, created_at)
          SELECT g, 100 + (g * 7919) % 100000, CASE WHEN g % 10 = 0 THEN 'pending' ELSE 'shipped' END,
                 now() - g * interval '1 second'
          FROM generate_series(1, ?) AS g""")) {
        orders.setLong(1, rows);
        orders.executeUpdate();
      }
      try (Statement statement = connection.createStatement()) {
        statement.execute("ANALYZE users");
        statement.execute("ANALYZE orders");
      }
    }
  }
}
