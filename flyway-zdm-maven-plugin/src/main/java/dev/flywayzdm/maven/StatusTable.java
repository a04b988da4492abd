package dev.flywayzdm.maven;

import dev.flywayzdm.internal.history.MigrationKind;
import java.util.ArrayList;
import java.util.List;

/** Renders {@link StatusRow}s as a plain-text table with aligned columns, one string per line. */
final class StatusTable {

  private static final List<String> HEADER =
      List.of("Version", "Description", "Kind", "State", "Installed on", "Lint", "Contract gate");

  private StatusTable() {}

  static List<String> render(List<StatusRow> rows) {
    List<List<String>> cells = new ArrayList<>();
    cells.add(HEADER);
    for (StatusRow row : rows) {
      cells.add(List.of(
          row.version(),
          row.description(),
          row.kind().map(MigrationKind::label).orElse("?"),
          row.state(),
          row.installedOn().orElse(""),
          row.lintFindings().map(String::valueOf).orElse("-"),
          row.gate().orElse("")));
    }
    int[] widths = new int[HEADER.size()];
    for (List<String> line : cells) {
      for (int i = 0; i < widths.length; i++) {
        widths[i] = Math.max(widths[i], line.get(i).length());
      }
    }
    List<String> lines = new ArrayList<>();
    for (List<String> line : cells) {
      StringBuilder text = new StringBuilder();
      for (int i = 0; i < widths.length; i++) {
        String cell = line.get(i);
        text.append(cell);
        if (i < widths.length - 1) {
          text.append(" ".repeat(widths[i] - cell.length() + 2));
        }
      }
      lines.add(text.toString().stripTrailing());
    }
    return lines;
  }
}
