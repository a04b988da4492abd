package dev.flywayzdm.sample.app;

import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Release 2: the user's name lives in {@code users.display_name}; {@code users.name} is never touched. */
@Repository
public class UsersV2 implements Users {

  private final JdbcClient jdbc;

  public UsersV2(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  @Override
  public long register(String email, String name) {
    return jdbc.sql("INSERT INTO users (email, display_name) VALUES (?, ?) RETURNING id")
        .params(email, name).query(Long.class).single();
  }

  @Override
  public Optional<User> find(long id) {
    return jdbc.sql("SELECT id, email, display_name FROM users WHERE id = ?").param(id)
        .query((row, n) -> new User(row.getLong(1), row.getString(2), row.getString(3))).optional();
  }

  @Override
  public boolean rename(long id, String name) {
    return jdbc.sql("UPDATE users SET display_name = ? WHERE id = ?").params(name, id).update() == 1;
  }
}
