package dev.flywayzdm.internal.pg;

import java.time.Duration;

/**
 * Another server session, as shown when flyway-zdm waits for it or warns about it.
 *
 * @param pid backend process id
 * @param user role name
 * @param applicationName {@code application_name}, empty when unset
 * @param state {@code active}, {@code idle in transaction}, ...
 * @param transactionAge how long its transaction has been open (zero outside a transaction)
 * @param lockMode the strongest lock it holds or awaits on the relation in question, when known
 * @param queryHead the first 200 characters of its current or last query, on one line
 */
public record SessionInfo(
    int pid, String user, String applicationName, String state, Duration transactionAge, String lockMode, String queryHead) {

  static final int QUERY_HEAD_CHARS = 200;

  /** One line for logs: {@code pid 4242 (app@orders-service, idle in transaction 73s, RowExclusiveLock): UPDATE ...}. */
  public String describe() {
    StringBuilder text = new StringBuilder("pid ").append(pid).append(" (").append(user);
    if (!applicationName.isEmpty()) {
      text.append('@').append(applicationName);
    }
    text.append(", ").append(state);
    if (!transactionAge.isZero()) {
      text.append(" ").append(formatAge(transactionAge));
    }
    if (!lockMode.isEmpty()) {
      text.append(", ").append(lockMode);
    }
    return text.append("): ").append(queryHead).toString();
  }

  private static String formatAge(Duration age) {
    long seconds = age.toSeconds();
    return seconds >= 1 ? seconds + "s" : age.toMillis() + "ms";
  }

  @Override
  public String toString() {
    return describe();
  }
}
