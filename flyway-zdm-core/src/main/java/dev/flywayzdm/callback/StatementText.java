package dev.flywayzdm.callback;

/** How a statement is quoted in messages: one line, at most 120 characters. */
final class StatementText {

  /** Line and block comments before the statement's first word (Flyway hands them over with it). */
  private static final java.util.regex.Pattern LEADING_COMMENTS =
      java.util.regex.Pattern.compile("\\A(\\s*(--[^\\n]*(\\n|\\z)|/\\*(?s:.*?)\\*/))+");

  private StatementText() {}

  /** The statement itself, for messages about what it does: {@link #head} without leading comments and closing semicolon. */
  static String command(String sql) {
    return head(LEADING_COMMENTS.matcher(sql).replaceFirst("").strip().replaceAll(";+\\z", ""));
  }

  static String head(String sql) {
    String oneLine = sql.strip().replaceAll("\\s+", " ");
    return "\"" + (oneLine.length() > 120 ? oneLine.substring(0, 120) + "..." : oneLine) + "\"";
  }
}
