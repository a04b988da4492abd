package dev.flywayzdm.maven;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringReader;
import java.util.Properties;
import org.apache.maven.model.Build;
import org.apache.maven.model.Model;
import org.apache.maven.model.Plugin;
import org.apache.maven.project.MavenProject;
import org.codehaus.plexus.util.xml.Xpp3Dom;
import org.codehaus.plexus.util.xml.Xpp3DomBuilder;
import org.junit.jupiter.api.Test;

class FlywayProjectConfigurationTest {

  @Test
  void readsTheConfigurationOfTheFlywayPluginDeclaredInTheBuild() throws Exception {
    MavenProject project = projectWithFlywayPlugin("""
        <configuration>
          <url>jdbc:postgresql://db/app</url>
          <user>app</user>
          <schemas><schema>billing</schema><schema>audit</schema></schemas>
          <locations>classpath:db/migration, filesystem:sql</locations>
        </configuration>""");

    FlywayProjectConfiguration configuration = FlywayProjectConfiguration.of(project, new Properties());

    assertThat(configuration.value("url")).contains("jdbc:postgresql://db/app");
    assertThat(configuration.value("user")).contains("app");
    assertThat(configuration.value("password")).isEmpty();
    assertThat(configuration.list("schemas")).containsExactly("billing", "audit");
    assertThat(configuration.list("locations")).containsExactly("classpath:db/migration", "filesystem:sql");
  }

  @Test
  void userPropertiesBeatProjectPropertiesWhichBeatThePluginConfiguration() throws Exception {
    MavenProject project = projectWithFlywayPlugin("<configuration><url>from-plugin</url><table>plugin_table</table>"
        + "<user>plugin_user</user></configuration>");
    project.getProperties().setProperty("flyway.url", "from-project");
    project.getProperties().setProperty("flyway.table", "project_table");
    Properties user = new Properties();
    user.setProperty("flyway.url", "from-command-line");

    FlywayProjectConfiguration configuration = FlywayProjectConfiguration.of(project, user);

    assertThat(configuration.value("url")).contains("from-command-line");
    assertThat(configuration.value("table")).contains("project_table");
    assertThat(configuration.value("user")).contains("plugin_user");
  }

  @Test
  void listsFromPropertiesAreCommaSeparated() {
    Properties project = new Properties();
    project.setProperty("flyway.schemas", " a, b ,,c ");

    assertThat(new FlywayProjectConfiguration(null, project, null).list("schemas")).containsExactly("a", "b", "c");
  }

  @Test
  void otherPluginsAreIgnored() throws Exception {
    Model model = new Model();
    model.setBuild(new Build());
    Plugin other = new Plugin();
    other.setGroupId("org.example");
    other.setArtifactId("flyway-maven-plugin");
    other.setConfiguration(Xpp3DomBuilder.build(new StringReader("<configuration><url>x</url></configuration>")));
    model.getBuild().addPlugin(other);

    assertThat(FlywayProjectConfiguration.of(new MavenProject(model), new Properties()).value("url")).isEmpty();
  }

  static MavenProject projectWithFlywayPlugin(String configurationXml) throws Exception {
    Model model = new Model();
    model.setBuild(new Build());
    Plugin flyway = new Plugin();
    flyway.setGroupId("org.flywaydb");
    flyway.setArtifactId("flyway-maven-plugin");
    Xpp3Dom configuration = Xpp3DomBuilder.build(new StringReader(configurationXml));
    flyway.setConfiguration(configuration);
    model.getBuild().addPlugin(flyway);
    return new MavenProject(model);
  }
}
