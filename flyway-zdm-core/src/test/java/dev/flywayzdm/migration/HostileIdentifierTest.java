package dev.flywayzdm.migration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.flywayzdm.testsupport.PostgresTest;
import dev.flywayzdm.testsupport.TestDatabase;
import org.junit.jupiter.api.Test;

/** Names users pass are quoted literally or rejected before anything runs; nothing in them is executed. */
@PostgresTest
class HostileIdentifierTest {

  static final String TABLE = "Or\"ders; DROP TABLE victims; --";
  static final String OLD = "Näme 名前";
  static final String NEW = "new\"); DROP TABLE victims; --";
  static final String LONG_TABLE = "t".repeat(63);

  static final DualWrite HOSTILE = DualWrite.table("\"" + TABLE.replace("\"", "\"\"") + "\"").from(OLD).to(NEW)
      .compatibilityView("v; DROP TABLE victims");

  static final class V1__expand_hostile extends DualWriteExpandMigration {
    @Override
    protected DualWrite dualWrite() {
      return HOSTILE;
    }
  }

  @Contract(expand = "1")
  static final class V2__contract_hostile extends DualWriteContractMigration {
    @Override
    protected DualWrite dualWrite() {
      return HOSTILE;
    }
  }

  static final class V3__check_hostile extends ValidatedConstraintMigration {
    @Override
    protected ValidatedConstraint constraint() {
      return ValidatedConstraint.check("\"" + TABLE.replace("\"", "\"\"") + "\"", "c\"; DROP TABLE victims; --", "id > 0");
    }
  }

  static final class V4__not_null_hostile extends ValidatedConstraintMigration {
    @Override
    protected ValidatedConstraint constraint() {
      return ValidatedConstraint.notNull("\"" + TABLE.replace("\"", "\"\"") + "\"", NEW);
    }
  }

  static final class V5__expand_long extends DualWriteExpandMigration {
    @Override
    protected DualWrite dualWrite() {
      return DualWrite.table(LONG_TABLE).from("a").to("b".repeat(63));
    }
  }

  @Test
  void hostileNamesAreQuotedThroughExpandContractCheckAndNotNull(TestDatabase db) throws Exception {
    db.execute("CREATE TABLE victims (id int)");
    db.execute("CREATE TABLE \"" + TABLE.replace("\"", "\"\"") + "\" (id int PRIMARY KEY, \"" + OLD + "\" text)");
    db.execute("INSERT INTO \"" + TABLE.replace("\"", "\"\"") + "\" SELECT g, 'n' || g FROM generate_series(1, 500) g");
    db.execute("CREATE TABLE " + LONG_TABLE + " (id int PRIMARY KEY, a int)");
    db.execute("INSERT INTO " + LONG_TABLE + " SELECT g, g FROM generate_series(1, 100) g");

    TestFlyway.sessionLock(db, new V1__expand_hostile(), new V2__contract_hostile(), new V3__check_hostile(),
        new V4__not_null_hostile(), new V5__expand_long()).migrate();

    assertThat(db.queryValue("SELECT to_regclass('victims')")).as("nothing in a name was executed").isNotNull();
    assertThat(db.queryLong("SELECT count(*) FROM pg_attribute WHERE attname = '" + NEW.replace("'", "''") + "' AND attnotnull"))
        .as("new column made NOT NULL after backfill and contract").isEqualTo(1);
    assertThat(db.queryLong("SELECT count(*) FROM pg_constraint WHERE conname = 'c\"; DROP TABLE victims; --' AND convalidated")).isEqualTo(1);
    String trigger = (String) db.queryValue("SELECT tgname FROM pg_trigger WHERE tgrelid = '" + LONG_TABLE + "'::regclass");
    assertThat(trigger).as("63-byte names give a hashed trigger name within 63 bytes").hasSize(63).matches(".*_[0-9a-f]{8}");
    db.execute("INSERT INTO " + LONG_TABLE + " (id, a) VALUES (-1, 7)");
    assertThat(db.queryLong("SELECT \"" + "b".repeat(63) + "\" FROM " + LONG_TABLE + " WHERE id = -1")).isEqualTo(7);
  }

  @Test
  void namesPostgresWouldTruncateAreRejectedBeforeAnythingRuns() {
    assertThatThrownBy(() -> DualWrite.table("t".repeat(64))).hasMessageContaining("invalid dual-write table name").hasMessageContaining("64 bytes");
    assertThatThrownBy(() -> ValidatedConstraint.notNull("orders", "é".repeat(32))).hasMessageContaining("invalid column name").hasMessageContaining("64 bytes");
    assertThatThrownBy(() -> ValidatedConstraint.check("orders", "c", "id > 0); DROP TABLE victims; --("))
        .hasMessageContaining("check expression of \"c\"");
    assertThatThrownBy(() -> ValidatedConstraint.notNull("orders", "id").withoutSupportingIndex())
        .hasMessageContaining("withoutSupportingIndex() applies to foreign keys only");
  }
}
