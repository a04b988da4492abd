package dev.flywayzdm.maven;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flywayzdm.migration.Contract;
import org.junit.jupiter.api.Test;

class MigrationKindTest {

  @Test
  void aContractDirectiveMakesAContractWhateverTheStatements() {
    assertThat(MigrationKind.ofSql("-- zdm:contract expand=2\nALTER TABLE orders DROP COLUMN legacy_note;"))
        .isEqualTo(MigrationKind.CONTRACT);
  }

  @Test
  void sqlMigrationsAreClassifiedByWhatTheirStatementsDo() {
    assertThat(MigrationKind.ofSql("CREATE INDEX CONCURRENTLY orders_created_idx ON orders (created_at);"))
        .isEqualTo(MigrationKind.INDEX);
    assertThat(MigrationKind.ofSql("ALTER TABLE orders ADD CONSTRAINT orders_customer_fk FOREIGN KEY (customer_id)"
        + " REFERENCES customers (id) NOT VALID;")).isEqualTo(MigrationKind.CONSTRAINT);
    assertThat(MigrationKind.ofSql("ALTER TABLE orders ADD COLUMN note text;")).isEqualTo(MigrationKind.EXPAND);
    assertThat(MigrationKind.ofSql("UPDATE orders SET note = '' WHERE note IS NULL;")).isEqualTo(MigrationKind.BACKFILL);
    assertThat(MigrationKind.ofSql("GRANT SELECT ON orders TO reporting;")).isEqualTo(MigrationKind.PLAIN);
  }

  @Test
  void commentsDoNotCount() {
    assertThat(MigrationKind.ofSql("-- CREATE INDEX later\n/* ADD COLUMN x */ GRANT SELECT ON orders TO reporting;"))
        .isEqualTo(MigrationKind.PLAIN);
  }

  @Contract(expand = "5")
  static class V6__drop_name {}

  static class V7__plain {}

  @Test
  void javaMigrationsAreClassifiedByContractAnnotation() {
    assertThat(MigrationKind.ofJava(V6__drop_name.class)).isEqualTo(MigrationKind.CONTRACT);
    assertThat(MigrationKind.ofJava(V7__plain.class)).isEqualTo(MigrationKind.PLAIN);
  }
}
