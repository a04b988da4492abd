package dev.flywayzdm.lint.internal;

import java.math.BigInteger;

/** Flyway's order of versions, shared by the migration sources and the session's {@code startAfter}. */
public final class VersionOrder {

  private VersionOrder() {}

  /** Compares Flyway versions part by part as numbers: {@code 1.10} comes after {@code 1.9}. */
  public static int compare(String a, String b) {
    String[] left = a.split("\\.");
    String[] right = b.split("\\.");
    for (int i = 0; i < Math.max(left.length, right.length); i++) {
      BigInteger x = i < left.length && !left[i].isEmpty() ? new BigInteger(left[i]) : BigInteger.ZERO;
      BigInteger y = i < right.length && !right[i].isEmpty() ? new BigInteger(right[i]) : BigInteger.ZERO;
      int order = x.compareTo(y);
      if (order != 0) {
        return order;
      }
    }
    return 0;
  }
}
