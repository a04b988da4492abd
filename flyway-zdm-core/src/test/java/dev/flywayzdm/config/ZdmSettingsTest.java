package dev.flywayzdm.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class ZdmSettingsTest {

  @Test
  void defaultsAreTheDocumentedOnes() {
    ZdmSettings defaults = ZdmSettings.defaults();

    assertThat(defaults.lockTimeout()).isEqualTo(Duration.ofSeconds(2));
    assertThat(defaults.statementTimeout()).isZero();
    assertThat(defaults.soak()).isEqualTo(Duration.ofHours(24));
    assertThat(defaults.lint()).isEqualTo(LintMode.WARN);
    assertThat(defaults.backfillBatchSize()).isEqualTo(1000);
  }

  @Test
  void rejectsImpossibleValuesNamingTheKey() {
    assertThatThrownBy(() -> ZdmSettings.builder().lockTimeout(Duration.ZERO).build())
        .hasMessage("flyway.zdm.lockTimeout = 0 must be greater than 0");
    assertThatThrownBy(() -> ZdmSettings.builder().lockRetries(-1).build())
        .hasMessageContaining("flyway.zdm.lockRetries");
    assertThatThrownBy(() -> ZdmSettings.builder().lockRetryMinBackoff(Duration.ofSeconds(5))
        .lockRetryMaxBackoff(Duration.ofSeconds(1)).build())
        .hasMessageContaining("flyway.zdm.lockRetryMaxBackoff = 1s is below flyway.zdm.lockRetryMinBackoff = 5s");
    assertThatThrownBy(() -> ZdmSettings.builder().backfillBatchSize(0).build())
        .hasMessageContaining("flyway.zdm.backfillBatchSize");
  }

  @Test
  void rejectsAnImpossibleValueInTheSetterItself() {
    ZdmSettings.Builder builder = ZdmSettings.builder();

    assertThatThrownBy(() -> builder.soak(Duration.ofDays(4000)))
        .hasMessage("flyway.zdm.soak = 4000d is too long: accepted 0 to 3650d");
    assertThatThrownBy(() -> builder.startAfter("v41"))
        .hasMessageContaining("flyway.zdm.startAfter = 'v41' is not a Flyway version");
    assertThat(builder.build()).as("a refused value leaves the builder as it was").isEqualTo(ZdmSettings.defaults());
  }

  @Test
  void parsesTheExtensionsTextOncePerConfiguration() {
    ZdmConfigurationExtension extension = new ZdmConfigurationExtension();
    extension.set("lockTimeout", "1s");

    ZdmSettings first = extension.toSettings();

    assertThat(extension.toSettings()).as("same text, same instance").isSameAs(first);
    extension.set("lockTimeout", "3s");
    assertThat(extension.toSettings().lockTimeout()).as("a changed text is parsed again").isEqualTo(Duration.ofSeconds(3));
  }

  @Test
  void toBuilderChangesOnlyWhatIsSet() {
    ZdmSettings changed = ZdmSettings.defaults().toBuilder().soak(Duration.ZERO).build();

    assertThat(changed.soak()).isZero();
    assertThat(changed.lockTimeout()).isEqualTo(ZdmSettings.defaults().lockTimeout());
  }

  @Test
  void lintModeParsesAnyCaseAndListsTheChoices() {
    assertThat(LintMode.parse("flyway.zdm.lint", "Fail")).isEqualTo(LintMode.FAIL);
    assertThatThrownBy(() -> LintMode.parse("flyway.zdm.lint", "strict"))
        .hasMessage("flyway.zdm.lint = 'strict' is not one of off, warn, fail");
  }
}
