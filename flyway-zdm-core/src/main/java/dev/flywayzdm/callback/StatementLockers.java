package dev.flywayzdm.callback;

import dev.flywayzdm.internal.pg.Identifier;
import dev.flywayzdm.internal.pg.SessionInfo;
import dev.flywayzdm.lint.internal.lexer.Lexer;
import dev.flywayzdm.lint.internal.lexer.Token;
import dev.flywayzdm.lint.internal.lexer.TokenKind;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import javax.sql.DataSource;
import org.flywaydb.core.api.configuration.Configuration;
import org.postgresql.PGConnection;

/**
 * Who held or awaited the locks a SQL statement needed when it failed on lock_timeout: the sessions
 * other than the migration's with locks on any relation the statement names. Read on a short-lived
 * connection of its own (the migration's transaction is aborted and must not run SQL), in one
 * transaction with {@code SET LOCAL statement_timeout} that is rolled back: the connection goes back
 * as it came.
 */
final class StatementLockers {

  /** How long the lookup may take: it runs while a deploy waits for its answer. */
  private static final String LOOKUP_TIMEOUT = "3s";

  private static final String COLUMNS = """
      a.pid, coalesce(a.usename, '') AS usename, coalesce(a.application_name, '') AS application_name,
      coalesce(a.state, '') AS state,
      coalesce(extract(epoch FROM clock_timestamp() - a.xact_start) * 1000, 0)::bigint AS xact_age_ms,
      left(regexp_replace(coalesce(a.query, ''), '\\s+', ' ', 'g'), 200) AS query_head
      """;

  /**
   * The lock holders first (they are what the statement waited for), then the sessions queued for
   * the same relations.
   *
   * @param holders sessions with a granted lock on a relation the statement names
   * @param waiters sessions waiting for a lock on one of them
   */
  record Lockers(List<SessionInfo> holders, List<SessionInfo> waiters) {

    /** One clause for a log line or an error. */
    String describe() {
      if (holders.isEmpty() && waiters.isEmpty()) {
        return "no other session holds a lock on the tables it names any more";
      }
      StringBuilder text = new StringBuilder();
      text.append(holders.isEmpty() ? "no session holds a lock on them any more" : "held by " + join(holders));
      if (!waiters.isEmpty()) {
        text.append("; waiting behind them: ").append(join(waiters));
      }
      return text.toString();
    }

    private static String join(List<SessionInfo> sessions) {
      StringBuilder text = new StringBuilder();
      for (SessionInfo session : sessions) {
        text.append(text.length() == 0 ? "" : "; ").append(session.describe());
      }
      return text.toString();
    }
  }

  private StatementLockers() {}

  /** The backend pid of a PostgreSQL connection (also behind a pool's proxy), read without SQL; empty when unknown. */
  static Optional<Integer> backendPid(Connection connection) {
    try {
      return connection != null && connection.isWrapperFor(PGConnection.class)
          ? Optional.of(connection.unwrap(PGConnection.class).getBackendPID()) : Optional.empty();
    } catch (SQLException | RuntimeException e) {
      return Optional.empty();
    }
  }

  /**
   * Looks the lockers up on a new connection from Flyway's data source, which is closed before this
   * returns. Unqualified names are also looked up in Flyway's schemas: the new connection does not
   * have the search_path Flyway set on the migration's.
   *
   * @param excludedPid the migration's own backend (its aborted transaction still holds its locks)
   */
  static Lockers lookUp(Configuration configuration, String sql, Optional<Integer> excludedPid) throws SQLException {
    DataSource dataSource = configuration.getDataSource();
    if (dataSource == null) {
      throw new SQLException("Flyway's configuration has no data source to open a second connection from");
    }
    List<String> relations = relationNames(sql, flywaySchemas(configuration));
    if (relations.isEmpty()) {
      return new Lockers(List.of(), List.of());
    }
    try (Connection side = dataSource.getConnection()) {
      boolean autoCommit = side.getAutoCommit();
      side.setAutoCommit(false);
      try {
        try (Statement statement = side.createStatement()) {
          statement.execute("SET LOCAL statement_timeout = '" + LOOKUP_TIMEOUT + "'");
        }
        return query(side, relations, excludedPid.orElse(0));
      } finally {
        side.rollback();
        side.setAutoCommit(autoCommit);
      }
    }
  }

  private static Lockers query(Connection side, List<String> relations, int excludedPid) throws SQLException {
    String sql = "SELECT " + COLUMNS + ", string_agg(DISTINCT l.mode, ', ') AS lock_mode, bool_or(l.granted) AS holds"
        + " FROM pg_locks l JOIN pg_stat_activity a ON a.pid = l.pid"
        + " WHERE l.relation IN (SELECT to_regclass(n) FROM unnest(?::text[]) n)"
        + " AND l.database = (SELECT oid FROM pg_database WHERE datname = current_database())"
        + " AND l.pid <> pg_backend_pid() AND l.pid <> ?"
        + " GROUP BY a.pid, a.usename, a.application_name, a.state, a.xact_start, a.query"
        + " ORDER BY a.xact_start NULLS LAST";
    List<SessionInfo> holders = new ArrayList<>();
    List<SessionInfo> waiters = new ArrayList<>();
    try (PreparedStatement statement = side.prepareStatement(sql)) {
      Array names = side.createArrayOf("text", relations.toArray());
      statement.setArray(1, names);
      statement.setInt(2, excludedPid);
      try (ResultSet rows = statement.executeQuery()) {
        while (rows.next()) {
          SessionInfo session = new SessionInfo(rows.getInt("pid"), rows.getString("usename"),
              rows.getString("application_name"), rows.getString("state"), Duration.ofMillis(rows.getLong("xact_age_ms")),
              rows.getString("lock_mode"), rows.getString("query_head"));
          (rows.getBoolean("holds") ? holders : waiters).add(session);
        }
      }
    }
    return new Lockers(holders, waiters);
  }

  /**
   * Every name in the statement that could be a relation ({@code t}, {@code s.t}, quoted or not),
   * quoted for {@code to_regclass}; keywords among them simply resolve to nothing.
   */
  static List<String> relationNames(String sql, List<String> schemas) {
    List<Token> tokens = Lexer.lex(sql).tokens();
    Set<String> names = new LinkedHashSet<>();
    for (int i = 0; i < tokens.size(); i++) {
      Token token = tokens.get(i);
      if (!isName(token)) {
        continue;
      }
      String first = quote(token);
      if (first == null) {
        continue;
      }
      boolean qualified = i + 2 < tokens.size() && tokens.get(i + 1).is(TokenKind.DOT) && isName(tokens.get(i + 2));
      if (qualified) {
        names.add(first + "." + quote(tokens.get(i + 2)));
        i += 2;
      } else {
        names.add(first);
        for (String schema : schemas) {
          names.add(schema + "." + first);
        }
      }
    }
    return List.copyOf(names);
  }

  /** Flyway's schemas, quoted, the default one first. */
  private static List<String> flywaySchemas(Configuration configuration) {
    Set<String> schemas = new LinkedHashSet<>();
    if (configuration.getDefaultSchema() != null) {
      schemas.add(configuration.getDefaultSchema());
    }
    if (configuration.getSchemas() != null) {
      schemas.addAll(Arrays.asList(configuration.getSchemas()));
    }
    List<String> quoted = new ArrayList<>();
    for (String schema : schemas) {
      try {
        quoted.add(new Identifier(schema).quoted());
      } catch (IllegalArgumentException e) {
        // not a name PostgreSQL could have: nothing to look up there
      }
    }
    return quoted;
  }

  private static boolean isName(Token token) {
    return token.is(TokenKind.WORD) || token.is(TokenKind.QUOTED_IDENTIFIER);
  }

  private static String quote(Token token) {
    try {
      return new Identifier(token.identifier()).quoted();
    } catch (IllegalArgumentException e) {
      return null;
    }
  }
}
