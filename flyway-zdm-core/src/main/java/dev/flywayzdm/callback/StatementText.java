package dev.flywayzdm.callback;

/** How a statement is quoted in messages: one line, at most 120 characters, without the comments it starts with. */
final class StatementText {

  /** Line and block comments before the statement's first word (Flyway hands them over with it). */
  private static final java.util.regex.Pattern LEADING_COMMENTS =
      java.util.regex.Pattern.compile("\\A(\\s*(--[^\\n]*(\\n|\\z)|/\\*(?s:.*?)\\*/))+");

  private StatementText() {}

  static String head(String sql) {
    String oneLine = LEADING_COMMENTS.matcher(sql).replaceFirst("").strip().replaceAll("\\s+", " ").replaceAll(";+\\z", "");
    return "\"" + (oneLine.length() > 120 ? oneLine.substring(0, 120) + "..." : oneLine) + "\"";
  }
}
