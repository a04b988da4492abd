package dev.flywayzdm.maven;

import static dev.flywayzdm.maven.FlywayProjectConfigurationTest.projectWithFlywayPlugin;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Properties;
import org.apache.maven.project.MavenProject;
import org.junit.jupiter.api.Test;

class TransactionalLockTest {

  private static final String KEY = "flyway.postgresql.transactional.lock";

  @Test
  void defaultsToFlywaysSessionLockWhenNothingIsSet() {
    TransactionalLock lock = TransactionalLock.resolve(null, new FlywayProjectConfiguration(null, null, null));

    assertThat(lock.on()).as("zdm:migrate needs the session lock, unlike Flyway's default").isFalse();
    assertThat(lock.value()).isEqualTo("false");
    assertThat(lock.describe()).startsWith("using Flyway's session advisory lock (postgresql.transactional.lock=false):"
        + " zdm:migrate's default");
  }

  @Test
  void theGoalsParameterBeatsEveryProjectSetting() throws Exception {
    MavenProject project = projectWithFlywayPlugin(
        "<configuration><pluginConfiguration><postgresql.transactional.lock>false</postgresql.transactional.lock>"
            + "</pluginConfiguration></configuration>");
    project.getProperties().setProperty(KEY, "false");

    TransactionalLock lock = TransactionalLock.resolve(" true ", FlywayProjectConfiguration.of(project, props(KEY, "false")));

    assertThat(lock.on()).isTrue();
    assertThat(lock.describe()).startsWith("using Flyway's transactional advisory lock (postgresql.transactional.lock=true):"
        + " set by zdm.transactionalLock");
  }

  @Test
  void aCommandLineFlywayPropertyBeatsThePomPropertyWhichBeatsPluginConfiguration() throws Exception {
    MavenProject project = projectWithFlywayPlugin(
        "<configuration><pluginConfiguration><postgresql.transactional.lock>false</postgresql.transactional.lock>"
            + "</pluginConfiguration></configuration>");
    project.getProperties().setProperty(KEY, "TRUE");

    assertThat(TransactionalLock.resolve("", FlywayProjectConfiguration.of(project, new Properties())))
        .isEqualTo(new TransactionalLock(true, "from the project's " + KEY));
    assertThat(TransactionalLock.resolve(null, FlywayProjectConfiguration.of(project, props(KEY, "false"))))
        .isEqualTo(new TransactionalLock(false, "from the project's " + KEY));
  }

  @Test
  void fallsBackToTheFlywayPluginsPluginConfiguration() throws Exception {
    MavenProject project = projectWithFlywayPlugin(
        "<configuration><pluginConfiguration><postgresql.transactional.lock>true</postgresql.transactional.lock>"
            + "</pluginConfiguration></configuration>");

    assertThat(TransactionalLock.resolve(null, FlywayProjectConfiguration.of(project, new Properties())))
        .isEqualTo(new TransactionalLock(true, "from the flyway-maven-plugin's <pluginConfiguration>"));
  }

  @Test
  void aValueThatIsNotABooleanIsRefusedNamingWhereItWasSet() {
    FlywayProjectConfiguration none = new FlywayProjectConfiguration(null, null, null);
    assertThatThrownBy(() -> TransactionalLock.resolve("no", none))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("zdm.transactionalLock = 'no' is not true or false");
    assertThatThrownBy(() -> TransactionalLock.resolve(null, new FlywayProjectConfiguration(null, props(KEY, "1"), null)))
        .hasMessageStartingWith(KEY + " = '1' is not true or false");
  }

  private static Properties props(String key, String value) {
    Properties properties = new Properties();
    properties.setProperty(key, value);
    return properties;
  }
}
