package dev.flywayzdm.maven;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The README's flyway-maven-plugin snippet is the one the integration test {@code flyway-plugin-migrate}
 * runs: the same lines (indentation aside), only the versions differ (the test's come from the build).
 */
class ReadmeSnippetTest {

  private static final Path MODULE = Path.of(System.getProperty("user.dir"));
  private static final String README_MARKER =
      "<!-- tested: flyway-zdm-maven-plugin/src/it/flyway-plugin-migrate/pom.xml (ReadmeSnippetTest) -->";
  private static final Pattern VERSION = Pattern.compile("<version>[^<]*</version>");

  @Test
  void theReadmesOfficialPluginSnippetIsTheTestedOne() throws Exception {
    String readme = Files.readString(MODULE.resolve("../README.md"));
    String pom = Files.readString(MODULE.resolve("src/it/flyway-plugin-migrate/pom.xml"));

    List<String> documented = normalized(readmeBlockAfter(readme, README_MARKER));
    List<String> tested = normalized(between(pom, "<!-- README snippet: begin -->", "<!-- README snippet: end -->"));

    assertThat(documented).as("README snippet vs the IT's plugin block").isEqualTo(tested);
    assertThat(documented).as("Java migrations need a classpath: location")
        .contains("<location>classpath:db/migration</location>")
        .as("<failOn> in a pom defeats -Dzdm.failOn").noneMatch(line -> line.contains("failOn"));
  }

  @Test
  void theReadmesPropertiesAreTheTestedOnes() throws Exception {
    String readme = Files.readString(MODULE.resolve("../README.md"));
    String pom = Files.readString(MODULE.resolve("src/it/flyway-plugin-migrate/pom.xml"));
    String section = readme.substring(readme.indexOf("### 1. The official flyway-maven-plugin"), readme.indexOf(README_MARKER));

    Matcher property = Pattern.compile("<(flyway\\.[A-Za-z.]+)>").matcher(section);
    int found = 0;
    while (property.find()) {
      found++;
      assertThat(pom).as("the IT sets " + property.group(1) + " as the README does").contains("<" + property.group(1) + ">");
    }
    assertThat(found).isGreaterThanOrEqualTo(4);
  }

  private static String readmeBlockAfter(String readme, String marker) {
    int at = readme.indexOf(marker);
    assertThat(at).as("the README marks its tested snippet with " + marker).isNotNegative();
    return between(readme.substring(at), "```xml", "```");
  }

  private static String between(String text, String begin, String end) {
    int from = text.indexOf(begin);
    assertThat(from).as(begin).isNotNegative();
    from += begin.length();
    int to = text.indexOf(end, from);
    assertThat(to).as(end).isNotNegative();
    return text.substring(from, to);
  }

  private static List<String> normalized(String block) {
    return block.lines().map(String::strip).filter(line -> !line.isEmpty())
        .map(line -> VERSION.matcher(line).replaceAll("<version/>")).toList();
  }
}
