package dev.flywayzdm.lint.internal.engine;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Folds a file's findings of one rule about statements of one kind on one table into the first of them,
 * with a count: a backfill file of 2,862 UPDATEs of {@code orders} gets one finding that says so,
 * not 2,862 identical ones nobody reads. Findings without a table stay as they are.
 */
public final class FloodGroups {

  private FloodGroups() {}

  /** The findings with each flood folded into its first finding, in their original order. */
  public static List<RawFinding> fold(List<RawFinding> findings) {
    Map<String, List<RawFinding>> groups = new LinkedHashMap<>();
    List<List<RawFinding>> order = new ArrayList<>();
    for (RawFinding finding : findings) {
      if (finding.subject() == null) {
        order.add(List.of(finding));
        continue;
      }
      String key = finding.rule() + '\u0000' + finding.subject().kind() + '\u0000' + finding.subject().table();
      List<RawFinding> group = groups.get(key);
      if (group == null) {
        group = new ArrayList<>();
        groups.put(key, group);
        order.add(group);
      }
      group.add(finding);
    }
    List<RawFinding> out = new ArrayList<>();
    for (List<RawFinding> group : order) {
      RawFinding first = group.get(0);
      if (group.size() == 1) {
        out.add(first);
      } else {
        RawFinding last = group.get(group.size() - 1);
        out.add(first.withMessage(first.message() + " (" + first.subject().more(group.size() - 1)
            + " in this file, up to line " + last.line() + ", have the same finding)"));
      }
    }
    return out;
  }
}
