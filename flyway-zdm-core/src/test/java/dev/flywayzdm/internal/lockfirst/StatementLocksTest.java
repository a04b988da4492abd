package dev.flywayzdm.internal.lockfirst;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flywayzdm.lint.internal.sql.LockMode;
import org.junit.jupiter.api.Test;

/** Which table locks a statement takes, so the callback takes exactly those first (never a stronger one). */
class StatementLocksTest {

  @Test
  void shouldTakeAccessExclusiveForAnAlterTableThatAddsAColumn() {
    assertThat(StatementLocks.of("ALTER TABLE orders ADD COLUMN note text;"))
        .containsExactly(new LockTarget("\"orders\"", LockMode.ACCESS_EXCLUSIVE, false));
  }

  @Test
  void shouldKeepTheSchemaQuotingAndOnlyOfTheStatement() {
    assertThat(StatementLocks.of("alter table if exists only Sales.\"Orders\" drop column x"))
        .containsExactly(new LockTarget("\"sales\".\"Orders\"", LockMode.ACCESS_EXCLUSIVE, true));
  }

  @Test
  void shouldTakeTheWeakerLocksPostgresDocumentsForForeignKeysAndValidation() {
    assertThat(StatementLocks.of("ALTER TABLE orders ADD CONSTRAINT fk FOREIGN KEY (user_id) REFERENCES users (id) NOT VALID"))
        .containsExactly(new LockTarget("\"orders\"", LockMode.SHARE_ROW_EXCLUSIVE, false),
            new LockTarget("\"users\"", LockMode.SHARE_ROW_EXCLUSIVE, false));
    assertThat(StatementLocks.of("ALTER TABLE orders VALIDATE CONSTRAINT fk"))
        .containsExactly(new LockTarget("\"orders\"", LockMode.SHARE_UPDATE_EXCLUSIVE, false));
  }

  @Test
  void shouldTakeTheStrongestLockOfSeveralActions() {
    assertThat(StatementLocks.of("ALTER TABLE orders VALIDATE CONSTRAINT fk, ALTER COLUMN x SET NOT NULL"))
        .containsExactly(new LockTarget("\"orders\"", LockMode.ACCESS_EXCLUSIVE, false));
  }

  @Test
  void shouldTakeShareForAPlainCreateIndexAndNothingForAConcurrentOne() {
    assertThat(StatementLocks.of("CREATE UNIQUE INDEX orders_ref ON public.orders USING btree (ref)"))
        .containsExactly(new LockTarget("\"public\".\"orders\"", LockMode.SHARE, false));
    assertThat(StatementLocks.of("CREATE INDEX CONCURRENTLY orders_ref ON orders (ref)")).isEmpty();
  }

  @Test
  void shouldLockEveryTableOfADropOrTruncateList() {
    assertThat(StatementLocks.of("DROP TABLE IF EXISTS a, s.b CASCADE"))
        .containsExactly(new LockTarget("\"a\"", LockMode.ACCESS_EXCLUSIVE, false),
            new LockTarget("\"s\".\"b\"", LockMode.ACCESS_EXCLUSIVE, false));
    assertThat(StatementLocks.of("TRUNCATE TABLE ONLY a, b"))
        .containsExactly(new LockTarget("\"a\"", LockMode.ACCESS_EXCLUSIVE, true),
            new LockTarget("\"b\"", LockMode.ACCESS_EXCLUSIVE, false));
  }

  @Test
  void shouldTakeTheModeALockTableStatementAsksForButLeaveNowaitAlone() {
    assertThat(StatementLocks.of("LOCK TABLE orders IN SHARE ROW EXCLUSIVE MODE"))
        .containsExactly(new LockTarget("\"orders\"", LockMode.SHARE_ROW_EXCLUSIVE, false));
    assertThat(StatementLocks.of("LOCK TABLE orders IN ACCESS EXCLUSIVE MODE NOWAIT")).isEmpty();
  }

  @Test
  void shouldTakeNothingWhereTheTableCannotBeToldFromTheText() {
    assertThat(StatementLocks.of("DO $$ BEGIN EXECUTE 'ALTER TABLE orders ADD COLUMN x int'; END $$")).isEmpty();
    assertThat(StatementLocks.of("SELECT add_columns()")).isEmpty();
    assertThat(StatementLocks.of("DROP INDEX orders_ref")).isEmpty();
    assertThat(StatementLocks.of("UPDATE orders SET x = 1")).isEmpty();
    assertThat(StatementLocks.of("ALTER TABLE ALL IN TABLESPACE a SET TABLESPACE b")).isEmpty();
  }

  @Test
  void shouldWriteTheLockTableStatementForEachTarget() {
    assertThat(new LockTarget("\"s\".\"Orders\"", LockMode.SHARE_UPDATE_EXCLUSIVE, true).lockSql())
        .isEqualTo("LOCK TABLE ONLY \"s\".\"Orders\" IN SHARE UPDATE EXCLUSIVE MODE");
  }

  @Test
  void shouldNameOnlyTheModesThatConflict() {
    assertThat(LockConflicts.pgModesConflictingWith(LockMode.SHARE))
        .containsExactlyInAnyOrder("RowExclusiveLock", "ShareUpdateExclusiveLock", "ShareRowExclusiveLock",
            "ExclusiveLock", "AccessExclusiveLock");
    assertThat(LockConflicts.pgModesConflictingWith(LockMode.ACCESS_SHARE)).containsExactly("AccessExclusiveLock");
  }
}
