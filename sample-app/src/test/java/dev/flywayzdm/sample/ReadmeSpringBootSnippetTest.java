package dev.flywayzdm.sample;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The README's Spring Boot section shows what this service really uses, so its snippets are the
 * ones the Spring Boot tests run: the flyway-zdm block of {@code application.yml} verbatim, and the
 * starter dependency of this module's pom.
 */
class ReadmeSpringBootSnippetTest {

  private static final String SECTION = "## Spring Boot\n";

  @Test
  void theReadmesApplicationYmlIsTheSamplesFlywayZdmBlock() throws IOException {
    String yml = Files.readString(Path.of("src/main/resources/application.yml"), StandardCharsets.UTF_8);
    String sample = yml.substring(yml.indexOf("flyway:\n  zdm:\n"));
    assertThat(block("yaml")).as("README %s yaml block = the flyway.zdm part of sample-app's application.yml", SECTION)
        .isEqualTo(sample);
  }

  @Test
  void theReadmesDependencyIsTheStarterThisModuleUses() throws IOException {
    String pom = Files.readString(Path.of("pom.xml"), StandardCharsets.UTF_8);
    String starter = "<groupId>dev.flywayzdm</groupId>\n  <artifactId>flyway-zdm-spring-boot-starter</artifactId>";
    assertThat(block("xml")).contains(starter).contains("<artifactId>spring-boot-starter-flyway</artifactId>");
    assertThat(pom).contains("<artifactId>flyway-zdm-spring-boot-starter</artifactId>")
        .contains("<artifactId>spring-boot-starter-flyway</artifactId>");
    assertThat(pom).as("no flyway-zdm wiring of its own beside the starter")
        .doesNotContain("<artifactId>flyway-zdm-core</artifactId>\n    </dependency>");
  }

  /** The first fenced block of a language in the README's Spring Boot section. */
  private static String block(String language) throws IOException {
    String readme = Files.readString(Path.of("..", "README.md"), StandardCharsets.UTF_8);
    String section = readme.substring(readme.indexOf(SECTION));
    Matcher block = Pattern.compile("```" + language + "\\n(.*?)```", Pattern.DOTALL).matcher(section);
    assertThat(block.find()).as("a %s block in the README's Spring Boot section", language).isTrue();
    return block.group(1);
  }
}
