package dev.flywayzdm.maven;

import java.util.Locale;
import java.util.Optional;

/**
 * Which advisory lock Flyway takes for a zdm goal ({@code postgresql.transactional.lock}), and where
 * that choice came from: the goal's {@code zdm.transactionalLock} parameter, else the project's
 * {@code flyway.postgresql.transactional.lock} ({@code -D} user property, pom property, or the
 * flyway-maven-plugin's {@code <pluginConfiguration>}), else {@code false}. Flyway's own default
 * ({@code true}) keeps a transaction open for the whole run, which every {@code CREATE INDEX
 * CONCURRENTLY} would wait for; flyway-zdm's migrations need the session lock.
 *
 * @param on whether Flyway's transactional lock is used
 * @param source where the value came from, for the log ({@code set by zdm.transactionalLock} ...)
 */
record TransactionalLock(boolean on, String source) {

  static final String PARAMETER = "zdm.transactionalLock";
  /** The key as in {@code flyway.<key>} properties and Flyway's {@code <pluginConfiguration>}. */
  static final String FLYWAY_KEY = "postgresql.transactional.lock";

  /**
   * @param parameter the goal's {@code transactionalLock} parameter, null or blank when not given
   * @throws IllegalArgumentException when a value is neither {@code true} nor {@code false}, naming where it was set
   */
  static TransactionalLock resolve(String parameter, FlywayProjectConfiguration project) {
    Optional<String> explicit = Optional.ofNullable(parameter).map(String::trim).filter(v -> !v.isEmpty());
    if (explicit.isPresent()) {
      return new TransactionalLock(parse(PARAMETER, explicit.get()), "set by " + PARAMETER);
    }
    Optional<String> property = project.value(FLYWAY_KEY);
    if (property.isPresent()) {
      return new TransactionalLock(parse("flyway." + FLYWAY_KEY, property.get()),
          "from the project's flyway." + FLYWAY_KEY);
    }
    Optional<String> pluginConfiguration = project.pluginConfigurationValue(FLYWAY_KEY);
    if (pluginConfiguration.isPresent()) {
      return new TransactionalLock(parse("<pluginConfiguration><" + FLYWAY_KEY + ">", pluginConfiguration.get()),
          "from the flyway-maven-plugin's <pluginConfiguration>");
    }
    return new TransactionalLock(false, "zdm:migrate's default (Flyway's own is true)");
  }

  /** The value for {@code flyway.postgresql.transactional.lock}. */
  String value() {
    return String.valueOf(on);
  }

  /** One line for the goal's log: which lock, where that came from, and what it means. */
  String describe() {
    return on
        ? "using Flyway's transactional advisory lock (" + FLYWAY_KEY + "=true): " + source + "; a pending"
            + " concurrent index build or constraint validation is refused, as it would wait forever for the"
            + " transaction that lock keeps open"
        : "using Flyway's session advisory lock (" + FLYWAY_KEY + "=false): " + source + "; Flyway keeps no"
            + " transaction open during the run, so CREATE INDEX CONCURRENTLY and constraint validations do not"
            + " wait for it";
  }

  private static boolean parse(String where, String value) {
    String text = value.trim().toLowerCase(Locale.ROOT);
    if (!text.equals("true") && !text.equals("false")) {
      throw new IllegalArgumentException(where + " = '" + value + "' is not true or false (false, the default of"
          + " zdm:migrate, lets CREATE INDEX CONCURRENTLY run)");
    }
    return Boolean.parseBoolean(text);
  }
}
