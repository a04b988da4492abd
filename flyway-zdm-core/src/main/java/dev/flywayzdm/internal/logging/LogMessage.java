package dev.flywayzdm.internal.logging;

/**
 * A log message with its {@code {}} placeholders filled, and the trailing {@link Throwable} argument,
 * if any, kept apart as the cause (the convention of SLF4J, which the messages were written for).
 *
 * @param text the message
 * @param cause the throwable given after the placeholders' arguments; null if none
 */
record LogMessage(String text, Throwable cause) {

  private static final String PLACEHOLDER = "{}";

  static LogMessage format(String template, Object... arguments) {
    Object[] args = arguments == null ? new Object[0] : arguments;
    String pattern = String.valueOf(template);
    StringBuilder text = new StringBuilder(pattern.length() + 32);
    int used = 0;
    int from = 0;
    for (int at = pattern.indexOf(PLACEHOLDER); at >= 0 && used < args.length; at = pattern.indexOf(PLACEHOLDER, from)) {
      text.append(pattern, from, at).append(args[used++]);
      from = at + PLACEHOLDER.length();
    }
    text.append(pattern, from, pattern.length());
    Throwable cause = used < args.length && args[args.length - 1] instanceof Throwable t ? t : null;
    return new LogMessage(text.toString(), cause);
  }

  /** The text, and the cause's class and message where there is one (for levels without a stack trace). */
  String textWithCause() {
    return cause == null ? text : text + " (" + cause + ")";
  }
}
