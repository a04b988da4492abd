package dev.flywayzdm.lint.internal.engine;

import static dev.flywayzdm.lint.internal.engine.DestructiveStatements.Kind.ALTER_COLUMN_TYPE;
import static dev.flywayzdm.lint.internal.engine.DestructiveStatements.Kind.DROP_COLUMN;
import static dev.flywayzdm.lint.internal.engine.DestructiveStatements.Kind.DROP_SCHEMA;
import static dev.flywayzdm.lint.internal.engine.DestructiveStatements.Kind.DROP_TABLE;
import static dev.flywayzdm.lint.internal.engine.DestructiveStatements.Kind.MOVE_TABLE;
import static dev.flywayzdm.lint.internal.engine.DestructiveStatements.Kind.RENAME_COLUMN;
import static dev.flywayzdm.lint.internal.engine.DestructiveStatements.Kind.RENAME_TABLE;
import static dev.flywayzdm.lint.internal.engine.DestructiveStatements.Kind.TRUNCATE;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** What the gate counts as destructive in one migration read on its own (nothing created before it). */
class DestructiveStatementsTest {

  private static List<DestructiveStatements.Kind> classify(String sql) {
    return new DestructiveGate().check(sql, true, DestructiveGate.CatalogTypes.NONE).stream()
        .flatMap(refusal -> refusal.kinds().stream())
        .map(label -> Arrays.stream(DestructiveStatements.Kind.values()).filter(k -> k.label().equals(label))
            .findFirst().orElseThrow(() -> new AssertionError("not a Kind: " + label)))
        .toList();
  }

  @Test
  void findsEachDestructiveOperation() {
    assertThat(classify("DROP TABLE IF EXISTS orders")).containsExactly(DROP_TABLE);
    assertThat(classify("drop schema legacy cascade")).containsExactly(DROP_SCHEMA);
    assertThat(classify("TRUNCATE orders")).containsExactly(TRUNCATE);
    assertThat(classify("ALTER TABLE orders DROP COLUMN note")).containsExactly(DROP_COLUMN);
    assertThat(classify("ALTER TABLE orders DROP note")).containsExactly(DROP_COLUMN);
    assertThat(classify("ALTER TABLE ONLY orders DROP COLUMN IF EXISTS note")).containsExactly(DROP_COLUMN);
    assertThat(classify("ALTER TABLE orders RENAME TO purchases")).containsExactly(RENAME_TABLE);
    assertThat(classify("ALTER TABLE orders RENAME COLUMN note TO remark")).containsExactly(RENAME_COLUMN);
    assertThat(classify("ALTER TABLE orders RENAME note TO remark")).containsExactly(RENAME_COLUMN);
    assertThat(classify("ALTER TABLE orders ALTER COLUMN total TYPE bigint")).containsExactly(ALTER_COLUMN_TYPE);
    assertThat(classify("ALTER TABLE orders ALTER total SET DATA TYPE numeric(12,2)")).containsExactly(ALTER_COLUMN_TYPE);
    assertThat(classify("ALTER TABLE orders ALTER COLUMN type TYPE text")).containsExactly(ALTER_COLUMN_TYPE);
  }

  @Test
  void findsEveryOperationOfAMultiActionAlterAndEveryStatementOfAScript() {
    assertThat(classify("ALTER TABLE t DROP COLUMN a, ADD COLUMN b int, RENAME c TO d"))
        .containsExactly(DROP_COLUMN, RENAME_COLUMN);
    assertThat(classify("CREATE TABLE x (id int); TRUNCATE y; DROP TABLE z;"))
        .containsExactly(TRUNCATE, DROP_TABLE);
  }

  @Test
  void findsAMoveToAnotherSchemaAndFlywayPlaceholdersDoNotConfuseIt() {
    assertThat(classify("ALTER TABLE orders SET SCHEMA archive")).containsExactly(MOVE_TABLE);
    assertThat(classify("ALTER TABLE ${schema}.orders DROP COLUMN ${column}")).containsExactly(DROP_COLUMN);
  }

  @Test
  void seesTheStatementsADoBlockRuns() {
    assertThat(classify("DO $$ BEGIN EXECUTE 'DROP TABLE x'; END $$")).containsExactly(DROP_TABLE);
    assertThat(classify("""
        DO $body$
        BEGIN
          IF EXISTS (SELECT 1 FROM information_schema.columns WHERE column_name = 'b') THEN
            ALTER TABLE t DROP COLUMN b;
          END IF;
          TRUNCATE audit;
        END
        $body$;
        """)).containsExactly(DROP_COLUMN, TRUNCATE);
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "-- drop table orders\nSELECT 1",
      "/* DROP TABLE orders; /* nested */ TRUNCATE x */ SELECT 1",
      "INSERT INTO audit VALUES ('drop table orders; truncate x')",
      "INSERT INTO audit VALUES (E'it''s \\' drop table orders')",
      "DO $$ BEGIN RAISE NOTICE 'drop table x'; END $$",
      "CREATE FUNCTION f() RETURNS void AS $body$ TRUNCATE x $body$ LANGUAGE sql",
      "CREATE FUNCTION f() RETURNS void LANGUAGE plpgsql AS $$ BEGIN EXECUTE 'DROP TABLE x'; END $$",
      "ALTER TABLE orders ADD COLUMN type text",
      "ALTER TABLE orders ADD COLUMN \"drop\" text",
      "ALTER TABLE orders DROP CONSTRAINT orders_total_check",
      "ALTER TABLE orders ALTER COLUMN total DROP DEFAULT",
      "ALTER TABLE orders ALTER COLUMN total DROP NOT NULL",
      "ALTER TABLE orders ALTER COLUMN id DROP IDENTITY IF EXISTS",
      "ALTER TABLE orders RENAME CONSTRAINT a TO b",
      "ALTER TABLE orders ADD CONSTRAINT kind_check CHECK (type IN ('a', 'b')) NOT VALID",
      "DROP INDEX CONCURRENTLY IF EXISTS idx_orders_total",
      "CREATE TYPE mood AS ENUM ('drop')",
      "ALTER TABLE orders ALTER COLUMN total SET DEFAULT 0"})
  void isNotFooledByCommentsLiteralsFunctionBodiesOrHarmlessActions(String sql) {
    assertThat(classify(sql)).isEmpty();
  }
}
