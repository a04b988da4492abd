package dev.flywayzdm.internal.history;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flywayzdm.migration.Backfill;
import dev.flywayzdm.migration.BatchedBackfillMigration;
import dev.flywayzdm.migration.ConcurrentIndex;
import dev.flywayzdm.migration.ConcurrentIndexMigration;
import dev.flywayzdm.migration.Contract;
import dev.flywayzdm.migration.DualWrite;
import dev.flywayzdm.migration.DualWriteContractMigration;
import dev.flywayzdm.migration.DualWriteExpandMigration;
import dev.flywayzdm.migration.ValidatedConstraint;
import dev.flywayzdm.migration.ValidatedConstraintMigration;
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

  static class V8__backfill extends BatchedBackfillMigration {
    @Override
    protected Backfill backfill() {
      return null;
    }
  }

  /** One level further down: the nearest flyway-zdm base class decides. */
  static class V9__backfill_more extends V8__backfill {}

  static class V10__index extends ConcurrentIndexMigration {
    @Override
    protected ConcurrentIndex index() {
      return null;
    }
  }

  static class V11__constraint extends ValidatedConstraintMigration {
    @Override
    protected ValidatedConstraint constraint() {
      return null;
    }
  }

  static class V12__expand extends DualWriteExpandMigration {
    @Override
    protected DualWrite dualWrite() {
      return null;
    }
  }

  /** Shown as a contract even without @Contract (which the soak gate needs). */
  static class V13__contract extends DualWriteContractMigration {
    @Override
    protected DualWrite dualWrite() {
      return null;
    }
  }

  @Test
  void javaMigrationsWithoutContractAnnotationAreClassifiedByTheirFlywayZdmBaseClass() {
    assertThat(MigrationKind.ofJava(V8__backfill.class)).isEqualTo(MigrationKind.BACKFILL);
    assertThat(MigrationKind.ofJava(V9__backfill_more.class)).isEqualTo(MigrationKind.BACKFILL);
    assertThat(MigrationKind.ofJava(V10__index.class)).isEqualTo(MigrationKind.INDEX);
    assertThat(MigrationKind.ofJava(V11__constraint.class)).isEqualTo(MigrationKind.CONSTRAINT);
    assertThat(MigrationKind.ofJava(V12__expand.class)).isEqualTo(MigrationKind.EXPAND);
    assertThat(MigrationKind.ofJava(V13__contract.class)).isEqualTo(MigrationKind.CONTRACT);
  }

  @Test
  void labelsAreLowerCase() {
    assertThat(MigrationKind.CONSTRAINT.label()).isEqualTo("constraint");
  }

  @Test
  void shouldNameTheBaseClassesThatExist() {
    // The internal package names the public base classes as text: a rename must fail here.
    assertThat(MigrationKind.BASE_CLASSES.keySet()).containsExactlyInAnyOrder(
        DualWriteContractMigration.class.getName(), BatchedBackfillMigration.class.getName(),
        ConcurrentIndexMigration.class.getName(), ValidatedConstraintMigration.class.getName(),
        DualWriteExpandMigration.class.getName());
    assertThat(MigrationDeclaration.CONTRACT_ANNOTATION).isEqualTo(Contract.class.getName());
  }

  @Test
  void shouldNotMistakeCommentsOrStringsForStatements() {
    assertThat(MigrationKind.ofSql("INSERT INTO audit (note) VALUES ('CREATE INDEX later');"))
        .as("a string literal is no statement").isEqualTo(MigrationKind.BACKFILL);
    assertThat(MigrationKind.ofSql("GRANT SELECT ON \"create index\" TO reporting;"))
        .as("a quoted name is no keyword").isEqualTo(MigrationKind.PLAIN);
  }
}
