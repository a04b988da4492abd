package dev.flywayzdm.lint.internal.naming;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class PlaceholdersTest {

  @Test
  void replacesGivenAndFlywayPlaceholdersAndListsTheMissingOnes() {
    Placeholders placeholders = new Placeholders(Map.of("schema", "app"), "${", "}", true);

    Placeholders.Replaced replaced = placeholders.replace(
        "CREATE TABLE ${schema}.t (); -- ${flyway:filename} ${unknown}", "V1__t.sql");

    assertThat(replaced.sql()).isEqualTo("CREATE TABLE app.t (); -- V1__t.sql ${unknown}");
    assertThat(replaced.missing()).containsExactly("unknown");
  }

  @Test
  void honoursAnotherPrefixAndSuffixAndPlaceholderReplacementOff() {
    assertThat(new Placeholders(Map.of("s", "app"), "#[", "]", true).replace("SELECT #[s].x, ${s}", "f").sql())
        .isEqualTo("SELECT app.x, ${s}");
    assertThat(new Placeholders(Map.of("s", "app"), "${", "}", false).replace("SELECT ${s}", "f").sql())
        .isEqualTo("SELECT ${s}");
  }

  @Test
  void mapsColumnsOfTheReplacedTextBackIntoTheFile() {
    // line 2: "  ALTER TABLE ${schema_name}.orders ..." becomes "  ALTER TABLE a.orders ..."
    Placeholders.Replaced replaced = new Placeholders(Map.of("schema_name", "a"), "${", "}", true)
        .replace("SELECT 1;\n  ALTER TABLE ${schema_name}.orders ADD CHECK (x > 0);", "f");
    String line2 = replaced.sql().split("\n")[1];

    int checkInReplaced = line2.indexOf("ADD") + 1;
    assertThat(replaced.originalColumn(2, checkInReplaced)).isEqualTo(checkInReplaced + "${schema_name}".length() - 1);
    assertThat(replaced.originalColumn(2, 3)).as("before the placeholder nothing moves").isEqualTo(3);
    assertThat(replaced.originalColumn(2, line2.indexOf("a.") + 1)).as("inside the value: the placeholder's start")
        .isEqualTo(line2.indexOf("a.") + 1);
    assertThat(replaced.originalColumn(1, 5)).as("other lines are untouched").isEqualTo(5);
  }
}
