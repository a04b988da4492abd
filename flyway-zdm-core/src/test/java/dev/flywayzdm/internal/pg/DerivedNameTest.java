package dev.flywayzdm.internal.pg;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class DerivedNameTest {

  @Test
  void joinsShortNamesAsTheyAre() {
    assertThat(DerivedName.of("zdm_dw", "users", "name", "display_name").name()).isEqualTo("zdm_dw_users_name_display_name");
  }

  @Test
  void cutsLongNamesAtACharacterBoundaryAndAddsAStableHash() {
    String table = "ü".repeat(31); // 62 bytes
    Identifier first = DerivedName.of("zdm_dw", table, "name", "display_name");
    Identifier again = DerivedName.of("zdm_dw", table, "name", "display_name");
    Identifier other = DerivedName.of("zdm_dw", table, "name", "display_name2");

    assertThat(first.name().getBytes(StandardCharsets.UTF_8).length).isLessThanOrEqualTo(Identifier.MAX_BYTES);
    assertThat(first.name()).matches("zdm_dw_ü+_[0-9a-f]{8}");
    assertThat(again).as("deterministic").isEqualTo(first);
    assertThat(other).as("inputs differing only past the cut still differ").isNotEqualTo(first);
  }

  @Test
  void partsThatJoinToTheSameTextHashDifferently() {
    String longPrefix = "x".repeat(60);
    assertThat(DerivedName.of(longPrefix, "a_b", "c")).isNotEqualTo(DerivedName.of(longPrefix, "a", "b_c"));
  }
}
