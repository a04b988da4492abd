package dev.flywayzdm.maven;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Which migrations zdm:lint reports on and which it only reads: the database's schema history when a
 * connection is configured, the files changed against a git ref with {@code zdm.since}, and with
 * neither every file, each judged as if the files before it were applied.
 *
 * @param migrations the project's migrations, the applied ones marked
 * @param basis where the split comes from, for the summary
 * @param eachFileAlone whether nothing is known, so a table is new only in the file that creates it
 */
record LintScope(List<ProjectMigration> migrations, String basis, boolean eachFileAlone) {

  /** Where zdm:lint learns what is applied ({@code zdm.appliedFrom}). */
  enum Source {
    /** {@code git} with zdm.since, else {@code database} with a URL, else {@code none}. */
    AUTO,
    DATABASE,
    GIT,
    NONE;

    static Source parse(String text) {
      if (text == null || text.isBlank()) {
        return AUTO;
      }
      try {
        return valueOf(text.trim().toUpperCase(Locale.ROOT));
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException("zdm.appliedFrom = '" + text + "' is not one of auto, database, git, none");
      }
    }
  }

  /** Files changed against {@code ref} are pending, the rest applied. */
  static LintScope fromGit(List<ProjectMigration> migrations, Set<Path> changed, String ref) {
    List<ProjectMigration> marked = migrations.stream()
        .map(m -> changed.contains(GitBase.real(m.file())) ? m : m.asApplied()).toList();
    return new LintScope(marked, "files new or changed against git " + ref + " are pending (zdm.since)", false);
  }

  /** Files the database's history lists as successfully applied (and unchanged) are applied. */
  static LintScope fromHistory(List<ProjectMigration> migrations, Set<Path> applied, String database) {
    List<ProjectMigration> marked = migrations.stream()
        .map(m -> applied.contains(m.file()) ? m.asApplied() : m).toList();
    return new LintScope(marked, "applied migrations from the schema history of " + database, false);
  }

  /** Files up to {@code startAfter} are applied (the linter applies it), the rest pending. */
  static LintScope upTo(List<ProjectMigration> migrations, String startAfter) {
    return new LintScope(migrations, "migrations up to version " + startAfter + " taken as applied (zdm.startAfter)",
        false);
  }

  /** Nothing known: every file pending, each judged as on the day it was added. */
  static LintScope unknown(List<ProjectMigration> migrations) {
    return new LintScope(migrations, "no schema history (zdm.url) or git base (zdm.since): every file is linted as"
        + " if the files before it were applied, so a table counts as new and empty only in the file that creates it",
        true);
  }
}
