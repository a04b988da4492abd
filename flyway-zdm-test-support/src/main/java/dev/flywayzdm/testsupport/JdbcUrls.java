package dev.flywayzdm.testsupport;

/** Rewrites PostgreSQL JDBC URLs: another database on the same server, or a form safe to print. */
final class JdbcUrls {

  private JdbcUrls() {}

  /** {@code jdbc:postgresql://host:port/db?x=y} with {@code db} replaced by {@code database}. */
  static String withDatabase(String url, String database) {
    String prefix = "jdbc:postgresql://";
    if (!url.startsWith(prefix)) {
      throw new IllegalArgumentException("not a PostgreSQL JDBC URL (expected " + prefix + "host:port/db): "
          + withoutSecrets(url));
    }
    int query = url.indexOf('?');
    String head = query < 0 ? url : url.substring(0, query);
    String tail = query < 0 ? "" : url.substring(query);
    int slash = head.indexOf('/', prefix.length());
    String hosts = slash < 0 ? head : head.substring(0, slash);
    return hosts + "/" + database + tail;
  }

  /** The URL with any {@code password=} parameter masked. */
  static String withoutSecrets(String url) {
    return url.replaceAll("(?i)(password=)[^&]*", "$1****");
  }
}
