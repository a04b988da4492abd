package dev.flywayzdm.internal.history;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class MigrationDeclarationTest {

  @Test
  void readsAContractWithItsOwnSoakFromTheHeader() {
    MigrationDeclaration declaration = MigrationDeclaration.ofSql("V9__drop.sql",
        "-- Drops users.name\n\n-- zdm:contract expand=5 soak=2h\nALTER TABLE users DROP COLUMN name;");

    assertThat(declaration.contract()).contains(new MigrationDeclaration.ContractOf("5", Optional.of(Duration.ofHours(2))));
    assertThat(declaration.allowDestructiveReason()).isEmpty();
  }

  @Test
  void readsAnAllowDirectiveWithItsReason() {
    assertThat(MigrationDeclaration.ofSql("V3__x.sql", "-- zdm:allow destructive table never shipped\nDROP TABLE t;")
        .allowDestructiveReason()).contains("table never shipped");
  }

  @Test
  void readsDirectivesFromCommentsOnlyNeverFromStringsOrBodies() {
    assertThat(MigrationDeclaration.ofSql("V3__x.sql", "SELECT '-- zdm:contract expand=1';\n").isContract()).isFalse();
    assertThat(MigrationDeclaration.ofSql("V3__x.sql",
        "DO $$ BEGIN -- zdm:allow destructive nope\n DROP TABLE t; END $$;").allowDestructiveReason()).isEmpty();
    assertThat(MigrationDeclaration.ofSql("V3__x.sql", "SELECT 1;\n-- zdm:contract expand=1\n").isContract())
        .as("the same parser as the linter: a directive comment anywhere in the file counts").isTrue();
  }

  @Test
  void refusesAnAllowWithoutReasonAndAContractWithoutExpand() {
    assertThatThrownBy(() -> MigrationDeclaration.ofSql("V3__x.sql", "-- zdm:allow destructive\nDROP TABLE t;"))
        .hasMessageContaining("V3__x.sql:1:1").hasMessageContaining("needs a reason");
    assertThatThrownBy(() -> MigrationDeclaration.ofSql("V3__x.sql", "-- zdm:contract soak=1h\n"))
        .hasMessageContaining("needs expand=<version> of the expand migration");
    assertThatThrownBy(() -> MigrationDeclaration.ofSql("V3__x.sql", "-- zdm:contract expand=1 soak=forever\n"))
        .hasMessageContaining("zdm:contract soak = 'forever' is not a duration such as 500ms");
  }

  @Test
  void leavesMalformedLintDirectivesToTheLinter() {
    MigrationDeclaration declaration = MigrationDeclaration.ofSql("V3__x.sql",
        "-- zdm:ignore no-such-rule because\n-- zdm:frobnicate\n-- zdm:contract expand=2\nDROP TABLE t;");

    assertThat(declaration.contract()).contains(new MigrationDeclaration.ContractOf("2", Optional.empty()));
  }
}
