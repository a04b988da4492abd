package dev.flywayzdm.lint.internal.naming;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class MigrationNamingTest {

  private static final MigrationNaming EMPTY_PREFIX = new MigrationNaming("", "R", "B", "__", List.of(".sql"));

  @Test
  void readsVersionedRepeatableAndBaselineNamesWithFlywayDefaults() {
    MigrationNaming naming = MigrationNaming.DEFAULTS;

    assertThat(naming.parse("V1_2__add_index.sql"))
        .isEqualTo(new MigrationFileName(FileKind.VERSIONED, Optional.of("1.2"), "add_index", Optional.empty()));
    assertThat(naming.parse("R__views.sql"))
        .isEqualTo(new MigrationFileName(FileKind.REPEATABLE, Optional.empty(), "views", Optional.empty()));
    assertThat(naming.parse("B5__schema.sql").kind()).isEqualTo(FileKind.BASELINE);
    assertThat(naming.parse("B5__schema.sql").version()).contains("5");
  }

  @Test
  void anEmptyPrefixReadsTimestampsAsVersionsAndStillKnowsRepeatables() {
    assertThat(EMPTY_PREFIX.parse("20230306111639__x.sql").version()).contains("20230306111639");
    assertThat(EMPTY_PREFIX.parse("R__views.sql").kind()).isEqualTo(FileKind.REPEATABLE);
  }

  @Test
  void namesFlywayNeverRunsAreNotMigrationsAndSayWhy() {
    assertThat(EMPTY_PREFIX.parse("V2__legacy.sql").kind()).as("V2 is no version").isEqualTo(FileKind.NOT_A_MIGRATION);
    assertThat(MigrationNaming.DEFAULTS.parse("v2__lower_case.sql").problem()).get().asString()
        .contains("matches none of Flyway's patterns: V<version>__<description>.sql or R__<description>.sql");
    assertThat(MigrationNaming.DEFAULTS.parse("V3_add_index.sql").kind()).as("single underscore: no separator")
        .isEqualTo(FileKind.NOT_A_MIGRATION);
    assertThat(MigrationNaming.DEFAULTS.parse("V3__x.pgsql").problem()).get().asString()
        .contains("does not end with .sql (sqlMigrationSuffixes)");
  }

  @Test
  void honoursAnotherSeparatorAndSuffixes() {
    MigrationNaming naming = new MigrationNaming("M", "RR", "B", "-", List.of(".pgsql", ".sql"));

    assertThat(naming.parse("M7-add.pgsql").version()).contains("7");
    assertThat(naming.parse("M7-add.pgsql").description()).isEqualTo("add");
    assertThat(naming.parse("RR-views.sql").kind()).isEqualTo(FileKind.REPEATABLE);
    assertThat(naming.parse("V7__add.sql").kind()).isEqualTo(FileKind.NOT_A_MIGRATION);
  }

  @Test
  void refusesAnEmptySeparatorNamingTheSetting() {
    assertThatThrownBy(() -> new MigrationNaming("V", "R", "B", "", List.of(".sql")))
        .hasMessageContaining("sqlMigrationSeparator must not be empty");
  }
}
