package dev.flywayzdm.internal.pg;

import dev.flywayzdm.internal.step.SettingsFixture;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.flywayzdm.config.ZdmSettings;
import dev.flywayzdm.internal.pg.ConcurrentIndexBuilder.Outcome;
import dev.flywayzdm.testsupport.PostgresTest;
import dev.flywayzdm.testsupport.TestDatabase;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import org.junit.jupiter.api.Test;

@PostgresTest
class ConcurrentIndexBuilderTest {

  private static ConcurrentIndexBuilder builder(TestDatabase db) {
    return new ConcurrentIndexBuilder("V7__test", SettingsFixture.locks(ZdmSettings.defaults()), () -> db.connect());
  }

  private static String validity(TestDatabase db, String index) throws SQLException {
    Object valid = db.queryValue("SELECT indisvalid FROM pg_index WHERE indexrelid = to_regclass('" + index + "')");
    return valid == null ? "missing" : ((Boolean) valid ? "valid" : "INVALID");
  }

  @Test
  void buildsTheIndexOnceAndLeavesAValidOneAlone(TestDatabase db) throws Exception {
    db.execute("CREATE TABLE accounts (id bigint PRIMARY KEY, email text, deleted boolean)");
    db.execute("INSERT INTO accounts SELECT g, 'user' || g, g % 10 = 0 FROM generate_series(1, 1000) g");
    IndexDefinition index = IndexDefinition.builder("idx_accounts_email", "accounts")
        .unique().key(IndexKey.expression("lower(email)")).include("id").where("NOT deleted").method("btree").build();

    try (Connection connection = db.connect()) {
      assertThat(builder(db).create(connection, index)).isEqualTo(Outcome.CREATED);
      assertThat(builder(db).create(connection, index)).isEqualTo(Outcome.ALREADY_VALID);
    }

    assertThat(validity(db, "idx_accounts_email")).isEqualTo("valid");
    assertThat((String) db.queryValue("SELECT pg_get_indexdef('idx_accounts_email'::regclass)"))
        .isEqualTo("CREATE UNIQUE INDEX idx_accounts_email ON public.accounts USING btree (lower(email)) INCLUDE (id) WHERE (NOT deleted)");
  }

  @Test
  void rebuildsAnInvalidIndexLeftByAFailedBuild(TestDatabase db) throws Exception {
    db.execute("CREATE TABLE leftovers (id int, code text)");
    db.execute("INSERT INTO leftovers VALUES (1, 'a'), (2, 'a'), (3, 'b')");
    assertThatThrownBy(() -> db.execute("CREATE UNIQUE INDEX CONCURRENTLY idx_leftovers_code ON leftovers (code)"))
        .hasMessageContaining("could not create unique index");
    assertThat(validity(db, "idx_leftovers_code")).isEqualTo("INVALID");
    db.execute("DELETE FROM leftovers WHERE id = 2");

    try (Connection connection = db.connect()) {
      Outcome outcome = builder(db).create(connection,
          IndexDefinition.builder("idx_leftovers_code", "leftovers").unique().columns("code").build());

      assertThat(outcome).isEqualTo(Outcome.REBUILT);
    }
    assertThat(validity(db, "idx_leftovers_code")).isEqualTo("valid");
  }

  @Test
  void aFailedUniqueBuildLeavesNoInvalidIndexAndShowsADuplicateKey(TestDatabase db) throws Exception {
    db.execute("CREATE TABLE dupes (id int, code text)");
    db.execute("INSERT INTO dupes VALUES (1, 'x'), (2, 'y'), (3, 'y')");

    try (Connection connection = db.connect()) {
      assertThatThrownBy(() -> builder(db).create(connection,
          IndexDefinition.builder("idx_dupes_code", "dupes").unique().columns("code").build()))
          .isInstanceOf(SQLException.class)
          .hasMessageContaining("V7__test: building unique index \"idx_dupes_code\"")
          .hasMessageContaining("duplicate keys")
          .hasMessageContaining("Key (code)=(y) is duplicated")
          .hasMessageContaining("the INVALID index the failed build left was dropped")
          .satisfies(e -> assertThat(((SQLException) e).getSQLState()).isEqualTo("23505"));
      assertThat(connection.getAutoCommit()).isTrue();
    }
    assertThat(validity(db, "idx_dupes_code")).isEqualTo("missing");
  }

  @Test
  void buildsOnEveryPartitionAndAttachesThemSoTheParentEndsValid(TestDatabase db) throws Exception {
    db.execute("CREATE SCHEMA sales");
    db.execute("CREATE TABLE sales.events (id bigint, region text, at date) PARTITION BY LIST (region)");
    db.execute("CREATE TABLE sales.events_eu PARTITION OF sales.events FOR VALUES IN ('eu')");
    db.execute("CREATE TABLE sales.events_us PARTITION OF sales.events FOR VALUES IN ('us') PARTITION BY RANGE (at)");
    db.execute("CREATE TABLE sales.events_us_2024 PARTITION OF sales.events_us FOR VALUES FROM ('2024-01-01') TO ('2025-01-01')");
    db.execute("INSERT INTO sales.events SELECT g, CASE WHEN g % 2 = 0 THEN 'eu' ELSE 'us' END, date '2024-03-01' FROM generate_series(1, 2000) g");

    try (Connection connection = db.connect()) {
      assertThat(builder(db).create(connection, IndexDefinition.builder("idx_events_at", "sales.events").columns("at").build()))
          .isEqualTo(Outcome.CREATED);
    }

    assertThat(validity(db, "sales.idx_events_at")).isEqualTo("valid");
    assertThat(validity(db, "sales.idx_events_at_events_eu")).isEqualTo("valid");
    assertThat(validity(db, "sales.idx_events_at_events_us")).isEqualTo("valid");
    assertThat(validity(db, "sales.idx_events_at_events_us_events_us_2024")).isEqualTo("valid");
    assertThat(db.queryLong("SELECT count(*) FROM pg_inherits WHERE inhparent = 'sales.idx_events_at'::regclass")).isEqualTo(2);
  }

  @Test
  void completesAPartitionedIndexThatAnEarlierRunLeftUnfinished(TestDatabase db) throws Exception {
    db.execute("CREATE TABLE parts (id bigint, k int) PARTITION BY RANGE (k)");
    db.execute("CREATE TABLE parts_1 PARTITION OF parts FOR VALUES FROM (0) TO (10)");
    db.execute("CREATE TABLE parts_2 PARTITION OF parts FOR VALUES FROM (10) TO (20)");
    db.execute("CREATE INDEX idx_parts_id ON ONLY parts (id)");

    try (Connection connection = db.connect()) {
      assertThat(builder(db).create(connection, IndexDefinition.builder("idx_parts_id", "parts").columns("id").build()))
          .isEqualTo(Outcome.REBUILT);
    }
    assertThat(validity(db, "idx_parts_id")).isEqualTo("valid");
  }

  @Test
  void dropsAndReindexesConcurrently(TestDatabase db) throws Exception {
    db.execute("CREATE TABLE things (id int)");
    db.execute("CREATE INDEX idx_things_id ON things (id)");

    try (Connection connection = db.connect()) {
      builder(db).reindex(connection, QualifiedName.parse("index", "idx_things_id"));
      assertThat(validity(db, "idx_things_id")).isEqualTo("valid");
      assertThat(builder(db).drop(connection, QualifiedName.parse("index", "idx_things_id"))).isTrue();
      assertThat(builder(db).drop(connection, QualifiedName.parse("index", "idx_things_id"))).isFalse();
    }
    assertThat(validity(db, "idx_things_id")).isEqualTo("missing");
  }

  @Test
  void partitionIndexNamesStayWithinTheLimitAndAreStable() {
    Identifier index = new Identifier("i".repeat(40));
    Identifier first = ConcurrentIndexBuilder.partitionIndexName(index, "päртиция_" + "x".repeat(30));

    assertThat(first.name().getBytes(StandardCharsets.UTF_8).length).isLessThanOrEqualTo(63);
    assertThat(ConcurrentIndexBuilder.partitionIndexName(index, "päртиция_" + "x".repeat(30))).isEqualTo(first);
    assertThat(ConcurrentIndexBuilder.partitionIndexName(index, "päртиция_" + "x".repeat(31))).isNotEqualTo(first);
  }
}
