package dev.flywayzdm.maven;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * The files new or changed against a git ref ({@code -Dzdm.since=origin/main}), for CI without a
 * database: changed since the merge base of the ref and {@code HEAD}, committed or not, plus untracked
 * files. Every git call is bounded; a ref git does not know ends the build with what to fetch.
 */
final class GitBase {

  /** Bound on each git call: a diff of a large repository takes well under a second. */
  private static final long TIMEOUT_SECONDS = 60;

  private final Path directory;
  private final String ref;

  GitBase(Path directory, String ref) {
    this.directory = directory;
    this.ref = ref;
  }

  /**
   * The absolute, normalised paths of the files changed against the ref.
   *
   * @throws IllegalArgumentException when git is missing, the directory is no git work tree, or the ref is unknown
   */
  Set<Path> changedFiles() {
    Path top = Path.of(git(List.of("rev-parse", "--show-toplevel"), "find the git work tree of " + directory).trim());
    git(List.of("rev-parse", "--verify", "--quiet", ref + "^{commit}"), "resolve zdm.since=" + ref
        + " (fetch it first, e.g. git fetch origin main, or actions/checkout with fetch-depth: 0)");
    String base = git(List.of("merge-base", ref, "HEAD"), "find the merge base of " + ref + " and HEAD").trim();
    Set<Path> changed = new HashSet<>();
    String diff = git(List.of("diff", "--name-only", "--no-renames", "-z", base), "list the files changed since " + ref);
    String untracked = git(List.of("ls-files", "--others", "--exclude-standard", "--full-name", "-z", top.toString()),
        "list untracked files");
    for (String name : (diff + "\0" + untracked).split("\0")) {
      if (!name.isBlank()) {
        changed.add(real(top.resolve(name)));
      }
    }
    return changed;
  }

  /**
   * The path with symbolic links resolved where it exists: git names files under the real work tree,
   * the project may sit behind a link, and a file that matched neither would silently count as applied.
   */
  static Path real(Path path) {
    try {
      return path.toRealPath();
    } catch (IOException e) {
      return path.toAbsolutePath().normalize();
    }
  }

  private String git(List<String> arguments, String purpose) {
    List<String> command = new ArrayList<>(List.of("git", "-C", directory.toString()));
    command.addAll(arguments);
    Process process;
    try {
      process = new ProcessBuilder(command).start();
    } catch (IOException e) {
      throw new IllegalArgumentException("zdm.since: could not run git to " + purpose + " (" + e.getMessage()
          + "): install git or lint without zdm.since", e);
    }
    CompletableFuture<String> out = CompletableFuture.supplyAsync(() -> text(process.getInputStream()));
    CompletableFuture<String> err = CompletableFuture.supplyAsync(() -> text(process.getErrorStream()));
    try {
      if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
        process.destroyForcibly();
        throw new IllegalArgumentException("zdm.since: git did not " + purpose + " within " + TIMEOUT_SECONDS
            + " s: " + String.join(" ", command));
      }
      if (process.exitValue() != 0) {
        throw new IllegalArgumentException("zdm.since: git could not " + purpose + ": " + String.join(" ", command)
            + " exited with " + process.exitValue() + (err.join().isBlank() ? "" : ": " + err.join().trim()));
      }
      return out.join();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      process.destroyForcibly();
      throw new IllegalArgumentException("zdm.since: interrupted while git tried to " + purpose, e);
    }
  }

  private static String text(InputStream stream) {
    try (stream) {
      ByteArrayOutputStream bytes = new ByteArrayOutputStream();
      stream.transferTo(bytes);
      return bytes.toString(StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
