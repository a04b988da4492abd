package dev.flywayzdm.callback;

/** How a statement is quoted in messages: one line, at most 120 characters. */
final class StatementText {

  private StatementText() {}

  static String head(String sql) {
    String oneLine = sql.strip().replaceAll("\\s+", " ");
    return "\"" + (oneLine.length() > 120 ? oneLine.substring(0, 120) + "..." : oneLine) + "\"";
  }
}
