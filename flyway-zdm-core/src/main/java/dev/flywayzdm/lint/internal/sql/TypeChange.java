package dev.flywayzdm.lint.internal.sql;

import java.util.List;
import java.util.Set;

/**
 * Which {@code ALTER COLUMN ... TYPE} changes PostgreSQL makes without rewriting the table: the new
 * type must be binary-coercible from the old one and accept every old value without a check.
 */
public final class TypeChange {

  private static final Set<String> STRING_TYPES = Set.of("varchar", "text");
  private static final Set<String> PRECISION_TYPES = Set.of("timestamp", "timestamptz", "time", "timetz", "interval");

  private TypeChange() {}

  /** Whether changing {@code from} into {@code to} keeps the table's files as they are. */
  public static boolean rewriteFree(ColumnType from, ColumnType to) {
    if (from.array() != to.array()) {
      return false;
    }
    if (from.base().equals(to.base()) && from.modifiers().equals(to.modifiers())) {
      return true;
    }
    if (STRING_TYPES.contains(from.base()) && STRING_TYPES.contains(to.base())) {
      // text and varchar share a representation; only a new, tighter length limit needs a scan
      return to.base().equals("text") || to.modifiers().isEmpty()
          || from.base().equals("varchar") && widens(from.modifiers(), to.modifiers());
    }
    if (from.base().equals("numeric") && to.base().equals("numeric")) {
      return to.modifiers().isEmpty() || numericWidens(from.modifiers(), to.modifiers());
    }
    if (from.base().equals("varbit") && to.base().equals("varbit")) {
      return to.modifiers().isEmpty() || widens(from.modifiers(), to.modifiers());
    }
    if (from.base().equals("cidr") && to.base().equals("inet")) {
      return true;
    }
    if (PRECISION_TYPES.contains(from.base()) && from.base().equals(to.base())) {
      return to.modifiers().isEmpty() || widens(from.modifiers(), to.modifiers());
    }
    return false;
  }

  /** Whether the type is a target that can be rewrite-free from some old type. */
  public static boolean possiblyRewriteFree(ColumnType to) {
    return to.base().equals("text") || to.base().equals("varchar") || to.base().equals("numeric")
        || to.base().equals("inet") || to.base().equals("varbit") || PRECISION_TYPES.contains(to.base());
  }

  private static boolean widens(List<Integer> from, List<Integer> to) {
    return !from.isEmpty() && !to.isEmpty() && to.get(0) >= from.get(0);
  }

  private static boolean numericWidens(List<Integer> from, List<Integer> to) {
    if (from.isEmpty()) {
      return false;
    }
    int fromScale = from.size() > 1 ? from.get(1) : 0;
    int toScale = to.size() > 1 ? to.get(1) : 0;
    return to.get(0) >= from.get(0) && toScale == fromScale;
  }
}
