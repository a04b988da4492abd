package dev.flywayzdm.lint;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** One case of a rule specification file: migrations, options and expected findings ("file:line rule"). */
record SqlCase(String name, List<MigrationSource> sources, LintOptions options, List<String> expected) {

  private static final String CASE = "-- case:";
  private static final String EXPECT = "-- expect:";
  private static final String OPTIONS = "-- options:";
  private static final String FILE = "-- file:";

  List<String> expectedRules() {
    return expected.stream().map(e -> e.substring(e.indexOf(' ') + 1)).toList();
  }

  static List<SqlCase> parse(String caseFile, String text) {
    List<SqlCase> cases = new ArrayList<>();
    String[] lines = text.split("\n", -1);
    int i = 0;
    while (i < lines.length) {
      if (!lines[i].startsWith(CASE)) {
        i++;
        continue;
      }
      String name = lines[i].substring(CASE.length()).trim();
      int end = i + 1;
      while (end < lines.length && !lines[end].startsWith(CASE)) {
        end++;
      }
      cases.add(parseCase(caseFile, name, List.of(lines).subList(i + 1, end)));
      i = end;
    }
    return cases;
  }

  private static SqlCase parseCase(String caseFile, String name, List<String> lines) {
    LintOptions.Builder options = LintOptions.builder().callbackActive(true);
    Map<String, StringBuilder> files = new LinkedHashMap<>();
    Map<String, Boolean> inTransaction = new LinkedHashMap<>();
    String current = "V1__case.sql";
    List<String> expected = new ArrayList<>();
    List<String[]> pendingMarkers = new ArrayList<>(); // markers waiting for the next SQL line
    Boolean caseInTransaction = null;
    for (String line : lines) {
      if (line.startsWith(OPTIONS)) {
        for (String option : line.substring(OPTIONS.length()).trim().split("\\s+")) {
          String[] kv = option.split("=", 2);
          switch (kv[0]) {
            case "pg" -> options.targetMajor(Integer.parseInt(kv[1]));
            case "callback" -> options.callbackActive(kv[1].equals("on"));
            case "in-transaction" -> caseInTransaction = Boolean.valueOf(kv[1]);
            case "start-after" -> options.startAfter(kv[1]);
            case "contract-steps" -> options.contractSteps(kv[1].equals("on"));
            default -> throw new IllegalArgumentException(caseFile + ": unknown case option " + option);
          }
        }
        files.computeIfAbsent(current, f -> new StringBuilder()).append('\n');
        continue;
      }
      if (line.startsWith(FILE)) {
        current = line.substring(FILE.length()).trim();
        files.computeIfAbsent(current, f -> new StringBuilder());
        continue;
      }
      StringBuilder file = files.computeIfAbsent(current, f -> new StringBuilder());
      int marker = line.indexOf(EXPECT);
      // The linter never sees the marker: it would otherwise read as the reason of a directive.
      file.append(marker < 0 ? line : line.substring(0, marker).stripTrailing()).append('\n');
      int lineNumber = (int) file.chars().filter(c -> c == '\n').count();
      String before = marker < 0 ? line : line.substring(0, marker);
      boolean sql = !before.isBlank() && !(marker < 0 && before.trim().startsWith("--"));
      if (sql || marker >= 0 && !before.isBlank()) {
        for (String[] pending : pendingMarkers) {
          expected.add(current + ":" + lineNumber + " " + pending[0]);
        }
        pendingMarkers.clear();
      }
      if (marker >= 0) {
        for (String rule : line.substring(marker + EXPECT.length()).split(",")) {
          if (before.isBlank()) {
            pendingMarkers.add(new String[] {rule.trim()});
          } else {
            expected.add(current + ":" + lineNumber + " " + rule.trim());
          }
        }
      }
    }
    if (!pendingMarkers.isEmpty()) {
      throw new IllegalArgumentException(caseFile + " / " + name + ": an expect marker has no SQL line after it");
    }
    List<MigrationSource> sources = new ArrayList<>();
    for (Map.Entry<String, StringBuilder> file : files.entrySet()) {
      MigrationSource source = MigrationSource.of(file.getKey(), file.getValue().toString());
      sources.add(caseInTransaction == null ? source : source.withExecuteInTransaction(caseInTransaction));
    }
    return new SqlCase(name, sources, options.build(), expected);
  }
}
