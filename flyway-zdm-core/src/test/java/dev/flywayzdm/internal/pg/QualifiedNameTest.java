package dev.flywayzdm.internal.pg;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class QualifiedNameTest {

  @Test
  void splitsSchemaAndName() {
    assertThat(QualifiedName.parse("table", "sales.orders").quoted()).isEqualTo("\"sales\".\"orders\"");
    assertThat(QualifiedName.parse("table", "orders").quoted()).isEqualTo("\"orders\"");
  }

  @Test
  void quotedPartsMayHoldDotsAndQuotes() {
    QualifiedName name = QualifiedName.parse("table", "\"my.schema\".\"Or\"\"ders\"");

    assertThat(name.schema()).map(Identifier::name).contains("my.schema");
    assertThat(name.simpleName()).isEqualTo("Or\"ders");
    assertThat(name.quoted()).isEqualTo("\"my.schema\".\"Or\"\"ders\"");
  }

  @Test
  void rejectsMalformedNames() {
    assertThatThrownBy(() -> QualifiedName.parse("table", "a.b.c")).hasMessageContaining("schema.name");
    assertThatThrownBy(() -> QualifiedName.parse("table", "\"open")).hasMessageContaining("unterminated");
    assertThatThrownBy(() -> QualifiedName.parse("table", "sales.")).hasMessageContaining("invalid table name");
    assertThatThrownBy(() -> QualifiedName.parse("table", " ")).hasMessageContaining("must not be empty");
  }
}
