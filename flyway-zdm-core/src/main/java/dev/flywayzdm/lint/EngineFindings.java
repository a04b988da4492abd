package dev.flywayzdm.lint;

import dev.flywayzdm.lint.internal.LintedFinding;
import java.util.List;

/** Converts between the public {@link Finding} and the engine's {@link LintedFinding}, at the linter's boundary. */
final class EngineFindings {

  private EngineFindings() {}

  static Finding toPublic(LintedFinding f) {
    return new Finding(f.file(), f.line(), f.column(), f.rule(), Severity.parse(f.severity()), f.message(), f.why(),
        f.fix());
  }

  static List<Finding> toPublic(List<LintedFinding> findings) {
    return findings.stream().map(EngineFindings::toPublic).toList();
  }

  static List<LintedFinding> toEngine(List<Finding> findings) {
    return findings.stream().map(f -> new LintedFinding(f.file(), f.line(), f.column(), f.rule(),
        f.severity().label(), f.message(), f.why(), f.fix())).toList();
  }
}
