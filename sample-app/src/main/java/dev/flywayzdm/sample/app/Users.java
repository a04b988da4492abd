package dev.flywayzdm.sample.app;

import java.util.Optional;

/** The service's data access to {@code users}, implemented once per {@link AppVersion}. */
public interface Users {

  /** A user as the application sees it; {@code name} comes from whichever column the version uses. */
  record User(long id, String email, String name) {}

  long register(String email, String name);

  Optional<User> find(long id);

  /** Renames a user; false when there is no such user. */
  boolean rename(long id, String name);
}
