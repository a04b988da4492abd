package dev.flywayzdm.internal.pg;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class IdentifierTest {

  @Test
  void quotesEveryNameAndDoublesEmbeddedQuotes() {
    assertThat(new Identifier("orders").quoted()).isEqualTo("\"orders\"");
    assertThat(new Identifier("Robert\"); DROP TABLE students;--").quoted())
        .isEqualTo("\"Robert\"\"); DROP TABLE students;--\"");
    assertThat(new Identifier("größe").quoted()).isEqualTo("\"größe\"");
  }

  @Test
  void rejectsNamesPostgresWouldTruncate() {
    String sixtyThreeBytes = "a".repeat(63);
    assertThat(new Identifier(sixtyThreeBytes).name()).hasSize(63);
    assertThatThrownBy(() -> Identifier.of("index", "a".repeat(64)))
        .hasMessageContaining("invalid index name").hasMessageContaining("64 bytes");
    // 32 two-byte characters: 32 characters, 64 bytes
    assertThatThrownBy(() -> Identifier.of("column", "é".repeat(32))).hasMessageContaining("64 bytes");
  }

  @Test
  void rejectsEmptyAndNulNames() {
    assertThatThrownBy(() -> Identifier.of("table", "")).hasMessageContaining("invalid table name");
    assertThatThrownBy(() -> Identifier.of("table", "a\0b")).hasMessageContaining("NUL");
  }
}
