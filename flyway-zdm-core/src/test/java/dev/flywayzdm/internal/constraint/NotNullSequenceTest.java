package dev.flywayzdm.internal.constraint;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flywayzdm.config.ZdmSettings;
import dev.flywayzdm.internal.pg.Identifier;
import dev.flywayzdm.internal.pg.QualifiedName;
import dev.flywayzdm.internal.step.SettingsFixture;
import dev.flywayzdm.internal.step.StepContext;
import dev.flywayzdm.testsupport.PostgresTest;
import dev.flywayzdm.testsupport.TestDatabase;
import java.sql.Connection;
import org.junit.jupiter.api.Test;

@PostgresTest
class NotNullSequenceTest {

  @Test
  void setNotNullIsProvedByTheValidCheckWithoutAScan(TestDatabase db) throws Exception {
    db.execute("CREATE TABLE proved (id bigint PRIMARY KEY, customer_id bigint)");
    db.execute("INSERT INTO proved SELECT g, g FROM generate_series(1, 200000) g");
    try (Connection connection = db.connect()) {
      NotNullSequence.Outcome outcome = new NotNullSequence(new StepContext("V1__proved", connection, null,
          SettingsFixture.step(ZdmSettings.defaults())))
          .apply(new ConstraintSpec.NotNull(QualifiedName.parse("table", "proved"), new Identifier("customer_id")));

      assertThat(outcome.scanSkipped())
          .as("PostgreSQL reported that the existing constraints prove the column has no NULLs").isTrue();
      assertThat(connection.getAutoCommit()).isTrue();
    }
    assertThat(db.queryValue("SELECT attnotnull FROM pg_attribute WHERE attrelid = 'proved'::regclass AND attname = 'customer_id'"))
        .isEqualTo(true);
  }
}
