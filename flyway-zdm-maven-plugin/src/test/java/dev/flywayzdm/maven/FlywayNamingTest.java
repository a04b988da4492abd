package dev.flywayzdm.maven;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.StringReader;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.codehaus.plexus.util.xml.Xpp3Dom;
import org.codehaus.plexus.util.xml.Xpp3DomBuilder;
import org.junit.jupiter.api.Test;

/** zdm:lint reads Flyway's naming and placeholders where Flyway's own plugin reads them. */
class FlywayNamingTest {

  @Test
  void anEmptyPrefixInThePluginConfigurationIsEmptyNotTheDefault() throws Exception {
    FlywayNaming naming = FlywayNaming.of(new FlywayProjectConfiguration(null, null, dom("""
        <configuration>
          <sqlMigrationPrefix></sqlMigrationPrefix>
          <sqlMigrationSeparator>-</sqlMigrationSeparator>
          <sqlMigrationSuffixes><sqlMigrationSuffix>.pgsql</sqlMigrationSuffix></sqlMigrationSuffixes>
          <placeholderPrefix>#[</placeholderPrefix>
          <placeholderSuffix>]</placeholderSuffix>
          <placeholders><schema>app</schema></placeholders>
        </configuration>""")));

    assertThat(naming.naming().prefix()).isEmpty();
    assertThat(naming.naming().separator()).isEqualTo("-");
    assertThat(naming.naming().suffixes()).containsExactly(".pgsql");
    assertThat(naming.naming().repeatablePrefix()).as("not configured: Flyway's default").isEqualTo("R");
    assertThat(naming.placeholders().replace("SELECT #[schema].t", "f").sql()).isEqualTo("SELECT app.t");
  }

  @Test
  void propertiesBeatThePluginConfigurationAsInFlywaysOwnPlugin() throws Exception {
    Properties project = new Properties();
    project.setProperty("flyway.sqlMigrationPrefix", "");
    project.setProperty("flyway.placeholders.schema", "from_property");
    FlywayNaming naming = FlywayNaming.of(new FlywayProjectConfiguration(null, project, dom("""
        <configuration>
          <sqlMigrationPrefix>M</sqlMigrationPrefix>
          <placeholders><schema>from_plugin</schema><other>x</other></placeholders>
        </configuration>""")));

    assertThat(naming.naming().prefix()).isEmpty();
    assertThat(naming.placeholders().values()).isEqualTo(Map.of("schema", "from_property", "other", "x"));
    assertThat(FlywayNaming.of(new FlywayProjectConfiguration(null, null, null)).naming().suffixes())
        .isEqualTo(List.of(".sql"));
  }

  @Test
  void anEmptySeparatorIsRefusedNamingTheSetting() {
    Properties project = new Properties();
    project.setProperty("flyway.sqlMigrationSeparator", "");

    assertThatThrownBy(() -> FlywayNaming.of(new FlywayProjectConfiguration(null, project, null)))
        .hasMessageContaining("sqlMigrationSeparator must not be empty");
  }

  private static Xpp3Dom dom(String xml) throws Exception {
    return Xpp3DomBuilder.build(new StringReader(xml));
  }
}
