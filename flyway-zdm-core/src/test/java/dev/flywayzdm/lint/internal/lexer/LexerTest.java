package dev.flywayzdm.lint.internal.lexer;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class LexerTest {

  private static List<Statement> statements(String sql) {
    return StatementSplitter.split(Lexer.lex(sql).tokens(), Statement.Origin.FILE);
  }

  private static List<String> texts(String sql) {
    return Lexer.lex(sql).tokens().stream().map(Token::text).toList();
  }

  @Test
  void splitsAtSemicolonsOutsideStringsCommentsAndBodies() {
    String sql = """
        SELECT 'a;b';
        SELECT E'c\\';d';
        SELECT $$ e; f $$;
        SELECT $fn$ $$ ; $fn$;
        SELECT "q"";d";
        /* a; /* nested; */ still comment; */ SELECT 1; -- trailing; comment
        """;
    assertThat(statements(sql)).hasSize(6);
  }

  @Test
  void lineCommentsAndNestedBlockCommentsAreKeptAsComments() {
    LexResult lexed = Lexer.lex("-- one\n/* two /* three */ still two */ SELECT 1;");

    assertThat(lexed.comments()).extracting(Comment::text).containsExactly(" one", " two /* three */ still two ");
    assertThat(lexed.tokens()).extracting(Token::text).containsExactly("SELECT", "1", ";");
  }

  @Test
  void standardStringsDoubleTheirQuotesAndKeepBackslashes() {
    Token string = Lexer.lex("'it''s \\n'").tokens().get(0);

    assertThat(string.kind()).isEqualTo(TokenKind.STRING);
    assertThat(string.value()).isEqualTo("it's \\n");
  }

  @Test
  void escapeStringsUnderstandBackslashes() {
    Token string = Lexer.lex("e'it\\'s\\n'").tokens().get(0);

    assertThat(string.kind()).isEqualTo(TokenKind.STRING);
    assertThat(string.value()).isEqualTo("it's\n");
  }

  @Test
  void dollarQuotesMatchTheirOwnTagOnly() {
    Token body = Lexer.lex("$body$ inner $$ and $other$ ; $body$").tokens().get(0);

    assertThat(body.kind()).isEqualTo(TokenKind.DOLLAR_STRING);
    assertThat(body.value()).isEqualTo(" inner $$ and $other$ ; ");
  }

  @Test
  void quotedIdentifiersKeepTheirCaseAndUndoubleQuotes() {
    Token identifier = Lexer.lex("\"My \"\"Table\"\"\"").tokens().get(0);

    assertThat(identifier.identifier()).isEqualTo("My \"Table\"");
    assertThat(Lexer.lex("MyTable").tokens().get(0).identifier()).isEqualTo("mytable");
  }

  @Test
  void flywayPlaceholdersArePlaceholdersNotDollarQuotes() {
    assertThat(texts("CREATE TABLE ${schema}.orders (id ${idType});"))
        .containsExactly("CREATE", "TABLE", "${schema}", ".", "orders", "(", "id", "${idType}", ")", ";");
    assertThat(Lexer.lex("${schema}").tokens().get(0).kind()).isEqualTo(TokenKind.PLACEHOLDER);
  }

  @Test
  void positionalParametersAndDollarsInsideNamesAreNotDollarQuotes() {
    assertThat(texts("SELECT $1, a$b FROM t")).containsExactly("SELECT", "$1", ",", "a$b", "FROM", "t");
  }

  @Test
  void tokensCarryLineAndColumn() {
    Token index = Lexer.lex("SELECT 1;\n  CREATE INDEX").tokens().get(4);

    assertThat(index.text()).isEqualTo("INDEX");
    assertThat(index.line()).isEqualTo(2);
    assertThat(index.column()).isEqualTo(10);
  }

  @Test
  void aBodyLexedOnItsOwnKeepsFilePositions() {
    Token body = Lexer.lex("DO $$\nBEGIN\n  UPDATE t SET a = 1;\nEND $$;").tokens().get(1);
    LexResult inner = Lexer.lex(body.value(), body.valueLine(), body.valueColumn());
    Token update = inner.tokens().get(1);

    assertThat(update.text()).isEqualTo("UPDATE");
    assertThat(update.line()).isEqualTo(3);
    assertThat(update.column()).isEqualTo(3);
  }

  @Test
  void anUnterminatedStringIsAnErrorAtItsStartNotAnException() {
    LexResult lexed = Lexer.lex("SELECT 1;\nSELECT 'open;\nSELECT 2;");

    assertThat(lexed.error()).get().satisfies(error -> {
      assertThat(error.line()).isEqualTo(2);
      assertThat(error.column()).isEqualTo(8);
      assertThat(error.message()).contains("unterminated string");
    });
    assertThat(statements("SELECT 1;\nSELECT 'open;")).hasSize(2);
  }

  @Test
  void unterminatedDollarQuoteCommentAndIdentifierAreErrors() {
    assertThat(Lexer.lex("DO $x$ BEGIN END $y$;").error()).get()
        .extracting(LexError::message).asString().contains("dollar-quoted string $x$");
    assertThat(Lexer.lex("/* /* */").error()).get()
        .extracting(LexError::message).asString().contains("block comment");
    assertThat(Lexer.lex("SELECT \"abc").error()).get()
        .extracting(LexError::message).asString().contains("quoted identifier");
  }

  @Test
  void sqlStandardFunctionBodiesStayOneStatement() {
    String sql = """
        CREATE FUNCTION f() RETURNS int LANGUAGE sql
        BEGIN ATOMIC
          SELECT 1;
          SELECT CASE WHEN true THEN 1 END;
        END;
        SELECT 2;
        """;
    assertThat(statements(sql)).hasSize(2);
  }

  @Test
  void operatorsAreNotMistakenForComments() {
    assertThat(texts("SELECT a::int, b - 1, c / 2")).containsExactly(
        "SELECT", "a", "::", "int", ",", "b", "-", "1", ",", "c", "/", "2");
  }
}
