package dev.flywayzdm.maven;

/** JDBC URLs as they may be printed: passwords masked whichever way the URL carries them. */
final class JdbcUrlText {

  private JdbcUrlText() {}

  /**
   * The URL with {@code password=...} query parameters and {@code user:secret@host} credentials
   * replaced by {@code ****}.
   */
  static String masked(String url) {
    if (url == null) {
      return null;
    }
    String masked = url.replaceAll("(?i)([?&;]password=)[^&;]*", "$1****");
    return masked.replaceAll("(//[^/@:?]+:)[^/@?]*@", "$1****@");
  }
}
