package dev.flywayzdm.maven;

import dev.flywayzdm.lint.Finding;
import org.apache.maven.plugin.logging.Log;

/**
 * Prints findings into the build log as {@code file:line:col rule-id message}, the form editors and
 * CI annotate, each followed by its safe alternative and the rule's doc page; the log level follows the
 * severity.
 */
final class LintConsole {

  private final Log log;

  LintConsole(Log log) {
    this.log = log;
  }

  void print(Finding finding) {
    String text = lines(finding);
    switch (finding.severity()) {
      case ERROR -> log.error(text);
      case WARNING -> log.warn(text);
      default -> log.info(text);
    }
  }

  /** The finding line and, indented below it, the fix and the rule's page. */
  static String lines(Finding finding) {
    return finding.toText() + " [" + finding.severity().label() + "]" + System.lineSeparator()
        + "    instead: " + finding.fix() + System.lineSeparator()
        + "    see: " + finding.helpUri();
  }
}
