package dev.flywayzdm.lint.internal.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flywayzdm.lint.internal.lexer.Lexer;
import dev.flywayzdm.lint.internal.lexer.Token;
import dev.flywayzdm.lint.internal.sql.ColumnType;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The gate reads migrations as the linter does and remembers what the run created. */
class DestructiveGateTest {

  private final DestructiveGate gate = new DestructiveGate();

  private List<DestructiveGate.Refusal> check(String sql) {
    return gate.check(sql, true, DestructiveGate.CatalogTypes.NONE);
  }

  private static List<String> kinds(List<DestructiveGate.Refusal> refusals) {
    return refusals.stream().flatMap(r -> r.kinds().stream()).toList();
  }

  @Test
  void shouldRefuseDropsOfTablesTheRunDidNotCreate() {
    assertThat(kinds(check("ALTER TABLE orders DROP COLUMN note;"))).containsExactly("DROP COLUMN");
    assertThat(kinds(check("DROP TABLE orders;"))).containsExactly("DROP TABLE");
    assertThat(kinds(check("TRUNCATE orders;"))).containsExactly("TRUNCATE");
  }

  @Test
  void shouldAllowEverythingOnATableCreatedEarlierInTheSameRun() {
    assertThat(check("CREATE TABLE t (a int, b varchar(20), c int);")).isEmpty();
    assertThat(check("""
        ALTER TABLE t DROP COLUMN a;
        ALTER TABLE t ALTER COLUMN c TYPE bigint;
        ALTER TABLE t RENAME COLUMN b TO bee;
        ALTER TABLE t RENAME TO tee;
        """)).isEmpty();
    assertThat(check("TRUNCATE tee; DROP TABLE tee;")).as("renamed, still new").isEmpty();
    assertThat(kinds(check("DROP TABLE tee, orders;"))).as("one of them is not new").containsExactly("DROP TABLE");
  }

  @Test
  void shouldAllowTypeChangesThatNeitherRewriteNorBreakReaders() {
    DestructiveGate.CatalogTypes catalog = catalog(Map.of(
        "name", "character varying(50)", "price", "numeric(10,2)", "net", "cidr", "id", "integer", "code", "varchar(20)"));

    assertThat(gate.check("""
        ALTER TABLE old ALTER COLUMN name TYPE text;
        ALTER TABLE old ALTER COLUMN price TYPE numeric(12,2);
        ALTER TABLE old ALTER COLUMN net TYPE inet;
        ALTER TABLE old ALTER COLUMN code TYPE varchar(64);
        """, true, catalog)).isEmpty();
    assertThat(kinds(gate.check("ALTER TABLE old ALTER COLUMN id TYPE bigint;", true, catalog)))
        .as("rewrites the table and changes what readers get").containsExactly("ALTER COLUMN ... TYPE");
    assertThat(kinds(gate.check("ALTER TABLE old ALTER COLUMN code TYPE varchar(10);", true, catalog)))
        .as("narrower: a scan, and old writers may fail").containsExactly("ALTER COLUMN ... TYPE");
    assertThat(kinds(gate.check("ALTER TABLE old ALTER COLUMN name TYPE text USING upper(name);", true, catalog)))
        .containsExactly("ALTER COLUMN ... TYPE");
    assertThat(kinds(check("ALTER TABLE unknown ALTER COLUMN x TYPE text;")))
        .as("old type unknown: cannot be verified").containsExactly("ALTER COLUMN ... TYPE");
  }

  @Test
  void shouldNeverMistakeSqlStandardFunctionBodiesForDrops() {
    assertThat(check("""
        CREATE TABLE t (a int);
        CREATE FUNCTION add_one(x int) RETURNS int LANGUAGE sql IMMUTABLE RETURN x + 1;
        CREATE FUNCTION drop_column_count() RETURNS bigint LANGUAGE sql
        BEGIN ATOMIC
          SELECT count(*) FROM t;
          SELECT 1;
        END;
        CREATE PROCEDURE touch() LANGUAGE sql BEGIN ATOMIC UPDATE t SET a = a; END;
        """)).isEmpty();
  }

  @Test
  void shouldReadConstantStringsGivenToExecuteInEveryQuoting() {
    assertThat(kinds(check("DO $$ BEGIN EXECUTE 'ALTER TABLE orders DROP COLUMN note'; END $$;")))
        .containsExactly("DROP COLUMN");
    assertThat(kinds(check("DO $$ BEGIN EXECUTE $q$DROP TABLE orders$q$; END $$;"))).containsExactly("DROP TABLE");
    assertThat(kinds(check("DO $$ BEGIN EXECUTE E'TRUNCATE \\'orders\\''; END $$;"))).containsExactly("TRUNCATE");
    assertThat(check("DO $$ BEGIN EXECUTE 'CREATE INDEX ON orders (id)'; END $$;")).isEmpty();
  }

  @Test
  void shouldFailClosedOnDynamicSql() {
    List<DestructiveGate.Refusal> format = check(
        "DO $$ BEGIN EXECUTE format('ALTER TABLE %I ADD COLUMN x int', 'orders'); END $$;");
    assertThat(kinds(format)).containsExactly("dynamic SQL");
    assertThat(format.get(0).unverifiable()).isTrue();
    assertThat(format.get(0).detail()).contains("EXECUTE format");

    assertThat(kinds(check("DO $$ BEGIN EXECUTE 'DROP TABLE ' || 'orders'; END $$;"))).containsExactly("dynamic SQL");
    assertThat(kinds(check("DO $$ DECLARE s text := 'x'; BEGIN EXECUTE s; END $$;"))).containsExactly("dynamic SQL");
    assertThat(kinds(check("DO $$ BEGIN IF true THEN EXECUTE s; END IF; END $$;"))).containsExactly("dynamic SQL");
  }

  @Test
  void shouldRefuseCallingAFunctionOrProcedureCreatedWithADestructiveBody() {
    assertThat(check("""
        CREATE FUNCTION cleanup() RETURNS void LANGUAGE plpgsql AS $$
        BEGIN
          ALTER TABLE orders DROP COLUMN note;
        END $$;
        CREATE PROCEDURE rebuild(t text) LANGUAGE plpgsql AS $$
        BEGIN
          EXECUTE format('DROP TABLE %I', t);
        END $$;
        """)).as("created, not run: nothing breaks yet").isEmpty();

    assertThat(kinds(check("SELECT cleanup();"))).containsExactly("DROP COLUMN");
    assertThat(check("SELECT cleanup();").get(0).detail()).contains("calls cleanup()");
    List<DestructiveGate.Refusal> call = check("CALL rebuild('orders');");
    assertThat(kinds(call)).containsExactly("dynamic SQL");
    assertThat(call.get(0).unverifiable()).isTrue();
    assertThat(kinds(check("DO $$ BEGIN PERFORM cleanup(); END $$;"))).containsExactly("DROP COLUMN");
  }

  @Test
  void shouldRefuseDropTypeOrDomainCascadeOfObjectsTheRunDidNotCreate() {
    assertThat(kinds(check("DROP TYPE mood CASCADE;"))).singleElement().asString().startsWith("DROP TYPE ... CASCADE");
    assertThat(kinds(check("DROP DOMAIN IF EXISTS email CASCADE;"))).singleElement().asString().startsWith("DROP DOMAIN");
    assertThat(check("DROP TYPE mood;")).as("without CASCADE it fails while a column uses it").isEmpty();
    assertThat(check("CREATE TYPE status AS ENUM ('a', 'b'); DROP TYPE status CASCADE;")).isEmpty();
  }

  @Test
  void shouldOnlyLearnFromMigrationsThatAreNotGated() {
    assertThat(gate.check("ALTER TABLE orders DROP COLUMN note; CREATE TABLE later (a int);", false,
        DestructiveGate.CatalogTypes.NONE)).isEmpty();
    assertThat(check("ALTER TABLE later DROP COLUMN a;")).as("learnt: later is new in this run").isEmpty();
  }

  @Test
  void shouldQuoteTheStatementAsWrittenWithItsSemicolon() {
    assertThat(check("-- comment\nALTER TABLE t2 DROP COLUMN b ;\n").get(0).statement())
        .isEqualTo("ALTER TABLE t2 DROP COLUMN b ;");
  }

  private static DestructiveGate.CatalogTypes catalog(Map<String, String> types) {
    return (table, column) -> Optional.ofNullable(types.get(column)).map(text -> {
      List<Token> tokens = Lexer.lex(text).tokens();
      return ColumnType.read(tokens, 0, tokens.size());
    });
  }
}
