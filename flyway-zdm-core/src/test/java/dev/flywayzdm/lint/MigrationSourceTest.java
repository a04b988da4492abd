package dev.flywayzdm.lint;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.flywaydb.core.api.MigrationVersion;
import org.junit.jupiter.api.Test;

class MigrationSourceTest {

  @Test
  void readsTheVersionAsFlywayDoes() {
    assertThat(MigrationSource.of("V1_2__add_index.sql", "").version()).contains("1.2");
    assertThat(MigrationSource.of("db/migration/V10__x.sql", "").version()).contains("10");
    assertThat(MigrationSource.of("R__views.sql", "").version()).isEmpty();
    assertThat(MigrationSource.of("R__views.sql", "").repeatable()).isTrue();
    assertThat(MigrationSource.of("V3__add_index.sql", "").description()).isEqualTo("add_index");
  }

  @Test
  void ordersByNumericVersionThenRepeatablesByDescription() {
    List<MigrationSource> sources = new ArrayList<>(List.of(
        MigrationSource.of("R__b_views.sql", ""), MigrationSource.of("V10__ten.sql", ""),
        MigrationSource.of("R__a_grants.sql", ""), MigrationSource.of("V1.1__one_one.sql", ""),
        MigrationSource.of("V2__two.sql", ""), MigrationSource.of("notes.sql", ""),
        MigrationSource.of("V1__one.sql", "")));

    sources.sort(MigrationSource.FLYWAY_ORDER);

    assertThat(sources).extracting(MigrationSource::fileName).containsExactly("V1__one.sql", "V1.1__one_one.sql",
        "V2__two.sql", "V10__ten.sql", "R__a_grants.sql", "R__b_views.sql", "notes.sql");
  }

  @Test
  void comparesVersionsAsFlywaysMigrationVersionDoes() {
    List<String> versions = List.of("1", "1.0", "1.1", "1.9", "1.10", "2", "2.0.1", "10", "010", "20230306111639",
        "20230306111640", "1.2.3.4.5", "0.9");
    for (String a : versions) {
      for (String b : versions) {
        assertThat(Integer.signum(MigrationSource.compareVersions(a, b))).as("%s vs %s", a, b)
            .isEqualTo(Integer.signum(MigrationVersion.fromVersion(a).compareTo(MigrationVersion.fromVersion(b))));
      }
    }
  }

  @Test
  void baselinesComeFirstAndFilesFlywayNeverRunsLast() {
    List<MigrationSource> sources = new ArrayList<>(List.of(MigrationSource.of("V1__one.sql", ""),
        MigrationSource.of("v2__typo.sql", ""), MigrationSource.of("B5__baseline.sql", "")));

    sources.sort(MigrationSource.FLYWAY_ORDER);

    assertThat(sources).extracting(MigrationSource::kind).containsExactly(MigrationSource.Kind.BASELINE,
        MigrationSource.Kind.VERSIONED, MigrationSource.Kind.NOT_A_MIGRATION);
  }
}
