package dev.flywayzdm.maven;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.flywayzdm.lint.MigrationSource;
import dev.flywayzdm.lint.internal.naming.Placeholders;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** zdm.since on a real git repository: changed since the merge base, committed or not, and untracked. */
class GitBaseTest {

  @TempDir
  Path repo;

  @BeforeEach
  void repositoryWithABaseTag() throws Exception {
    git("init", "-q");
    git("config", "user.email", "t@flywayzdm.dev");
    git("config", "user.name", "t");
    write("db/V1__a.sql", "SELECT 1;");
    write("db/V2__b.sql", "SELECT 2;");
    git("add", "-A");
    git("commit", "-q", "-m", "base");
    git("tag", "base");
  }

  @Test
  void committedEditedAndUntrackedFilesAreChangedTheRestNot() throws Exception {
    write("db/V3__committed.sql", "SELECT 3;");
    git("add", "-A");
    git("commit", "-q", "-m", "three");
    write("db/V2__b.sql", "SELECT 22;");
    write("db/V4__untracked.sql", "SELECT 4;");

    assertThat(new GitBase(repo.resolve("db"), "base").changedFiles()).containsExactlyInAnyOrder(
        file("db/V3__committed.sql"), file("db/V2__b.sql"), file("db/V4__untracked.sql"));
  }

  @Test
  void anUnknownRefSaysWhatToFetch() {
    assertThatThrownBy(() -> new GitBase(repo, "origin/main").changedFiles())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("resolve zdm.since=origin/main (fetch it first");
  }

  @Test
  void aProjectBehindASymbolicLinkStillMatchesGitsPaths() throws Exception {
    write("db/V3__new.sql", "SELECT 3;");
    Path link = Files.createSymbolicLink(repo.resolveSibling(repo.getFileName() + "-link"), repo);
    try {
      ProjectMigration throughLink = new ProjectMigration(MigrationSource.of("db/V3__new.sql", "SELECT 3;"),
          link.resolve("db/V3__new.sql"), Placeholders.NONE.replace("SELECT 3;", "V3__new.sql"));

      LintScope scope = LintScope.fromGit(List.of(throughLink), new GitBase(link, "base").changedFiles(), "base");

      assertThat(scope.migrations()).extracting(m -> m.source().applied()).as("new since base: pending")
          .containsExactly(false);
    } finally {
      Files.delete(link);
    }
  }

  private Path file(String name) {
    return GitBase.real(repo.resolve(name));
  }

  private void write(String name, String text) throws IOException {
    Files.createDirectories(repo.resolve(name).getParent());
    Files.writeString(repo.resolve(name), text);
  }

  private void git(String... args) throws Exception {
    List<String> command = new ArrayList<>(List.of("git", "-C", repo.toString()));
    command.addAll(List.of(args));
    Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
    String out = new String(process.getInputStream().readAllBytes());
    assertThat(process.waitFor()).as("git %s: %s", String.join(" ", args), out).isZero();
  }
}
