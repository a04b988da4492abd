package dev.flywayzdm.internal.logging;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLException;
import org.junit.jupiter.api.Test;

class LogMessageTest {

  @Test
  void fillsPlaceholdersInOrder() {
    assertThat(LogMessage.format("{}: building {} ({} rows)", "V7__add_index", "\"idx\"", 42).text())
        .isEqualTo("V7__add_index: building \"idx\" (42 rows)");
  }

  @Test
  void keepsATrailingThrowableAsTheCauseNotAsAnArgument() {
    SQLException failure = new SQLException("canceling statement due to lock timeout", "55P03");

    LogMessage message = LogMessage.format("{}: gave up", "V2__add_note", failure);

    assertThat(message.text()).isEqualTo("V2__add_note: gave up");
    assertThat(message.cause()).isSameAs(failure);
    assertThat(message.textWithCause()).endsWith("(java.sql.SQLException: canceling statement due to lock timeout)");
  }

  @Test
  void aThrowableThatFillsAPlaceholderIsAnArgument() {
    LogMessage message = LogMessage.format("failed: {}", new IllegalStateException("boom"));

    assertThat(message.text()).isEqualTo("failed: java.lang.IllegalStateException: boom");
    assertThat(message.cause()).isNull();
  }

  @Test
  void leavesSurplusPlaceholdersAndNullsReadable() {
    assertThat(LogMessage.format("{} and {}", (Object) null).text()).isEqualTo("null and {}");
    assertThat(LogMessage.format("no placeholders").text()).isEqualTo("no placeholders");
  }
}
