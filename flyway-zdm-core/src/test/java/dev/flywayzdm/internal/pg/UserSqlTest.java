package dev.flywayzdm.internal.pg;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class UserSqlTest {

  @Test
  void acceptsOneExpressionWithQuotesParenthesesAndDollarQuotes() {
    assertThat(UserSql.fragment("check", "  amount > 0 AND note <> ';'  ")).isEqualTo("amount > 0 AND note <> ';'");
    assertThat(UserSql.fragment("check", "coalesce(\"we;ird\", 'it''s') = $x$;$x$")).isNotEmpty();
    assertThat(UserSql.fragment("type", "numeric(12, 2)")).isEqualTo("numeric(12, 2)");
    assertThat(UserSql.fragment("conversion", "round({old} * 100)::bigint")).contains("{old}");
  }

  @Test
  void rejectsWhatCouldEndTheStatementOrSwallowTheRest() {
    assertThatThrownBy(() -> UserSql.fragment("check expression of \"c\"", "1 > 0); DROP TABLE users; --"))
        .hasMessageStartingWith("check expression of \"c\" '1 > 0); DROP TABLE users; --'");
    assertThatThrownBy(() -> UserSql.fragment("check", "a > 0; DROP TABLE users")).hasMessageContaining("contains ';'");
    assertThatThrownBy(() -> UserSql.fragment("check", "a > 0 -- comment")).hasMessageContaining("-- comment");
    assertThatThrownBy(() -> UserSql.fragment("check", "(a > 0")).hasMessageContaining("unclosed parenthesis");
    assertThatThrownBy(() -> UserSql.fragment("check", "a > 0)")).hasMessageContaining("did not open");
    assertThatThrownBy(() -> UserSql.fragment("check", "a = 'x")).hasMessageContaining("unterminated string literal");
    assertThatThrownBy(() -> UserSql.fragment("check", "a = $q$x")).hasMessageContaining("unterminated dollar quote");
    assertThatThrownBy(() -> UserSql.fragment("check", "a /* x")).hasMessageContaining("unterminated /*");
    assertThatThrownBy(() -> UserSql.fragment("check", "  ")).hasMessageContaining("must not be empty");
  }
}
