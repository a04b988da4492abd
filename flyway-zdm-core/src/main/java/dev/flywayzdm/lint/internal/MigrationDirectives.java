package dev.flywayzdm.lint.internal;

import dev.flywayzdm.internal.settings.DurationText;
import dev.flywayzdm.lint.internal.lexer.Comment;
import dev.flywayzdm.lint.internal.lexer.Lexer;
import dev.flywayzdm.lint.internal.rules.Rules;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The {@code zdm:} directives written in a migration's comments, shared by the linter and the callback.
 *
 * <pre>{@code
 * -- zdm:contract expand=42 [soak=2h]              this file is the contract step of V42 (own soak: optional)
 * -- zdm:allow destructive <reason>                 drops and truncates in this file are intended
 * -- zdm:ignore <rule-id>[,<rule-id>] <reason>     suppresses the rules on the next statement
 * -- zdm:ignore-file <rule-id>[,<rule-id>] <reason> suppresses the rules in the whole file
 * }</pre>
 *
 * Directives inside strings or dollar-quoted bodies are not directives. Malformed ones are kept as
 * {@link #problems()} rather than thrown, so a typo is reported like any other finding:
 *
 * <pre>{@code
 * MigrationDirectives directives = MigrationDirectives.parse(sql);
 * if (directives.contractStep()) {
 *   String expand = directives.expandVersion().orElseThrow(); // e.g. "42"
 * }
 * }</pre>
 *
 * @param contract the {@code zdm:contract} directive, if the file has one
 * @param destructiveReason the reason given by {@code zdm:allow destructive}
 * @param ignores the well-formed ignore directives, in file order
 * @param problems malformed directives
 */
public record MigrationDirectives(
    Optional<Contract> contract, Optional<String> destructiveReason, List<Ignore> ignores, List<Problem> problems) {

  private static final Pattern DIRECTIVE = Pattern.compile("^\\s*zdm:(\\S+)\\s*(.*?)\\s*$", Pattern.DOTALL);
  private static final Pattern EXPAND = Pattern.compile("expand=([0-9]+(?:[._][0-9]+)*)");
  private static final String CONTRACT_SYNTAX = "-- zdm:contract expand=<version> [soak=<duration>]";
  private static final Pattern RULES_AND_REASON = Pattern.compile("(\\S+)(?:\\s+(.*))?", Pattern.DOTALL);

  /**
   * One {@code zdm:ignore} or {@code zdm:ignore-file} directive.
   *
   * @param rules the canonical ids of the rules it suppresses
   * @param reason why, as written
   * @param wholeFile true for {@code ignore-file}; else it applies to the next statement
   */
  public record Ignore(List<String> rules, String reason, boolean wholeFile, int line, int column) {}

  /**
   * A {@code zdm:contract expand=<version> [soak=<duration>]} directive.
   *
   * @param expandVersion the version of the expand migration this contract step completes, e.g. {@code 42}
   * @param soak how long the expand must have been live before this step runs, when the file sets its
   *     own; else the project's {@code flyway.zdm.soak} applies
   */
  public record Contract(String expandVersion, Optional<Duration> soak, int line, int column) {}

  /**
   * A malformed directive and what is wrong with it.
   *
   * @param directive the directive's name as written after {@code zdm:}, e.g. {@code contract}
   */
  public record Problem(String directive, String message, int line, int column) {}

  public MigrationDirectives {
    ignores = List.copyOf(ignores);
    problems = List.copyOf(problems);
  }

  /** Reads the directives of a migration's SQL text. Never throws. */
  public static MigrationDirectives parse(String sql) {
    return fromComments(Lexer.lex(sql).comments());
  }

  /** Whether the file is the contract step of an expand/contract pair. */
  public boolean contractStep() {
    return contract.isPresent();
  }

  /** The version of the expand migration named by {@code zdm:contract}. */
  public Optional<String> expandVersion() {
    return contract.map(Contract::expandVersion);
  }

  /** Whether destructive statements (drops, truncates) are declared intended in this file. */
  public boolean destructiveAllowed() {
    return contractStep() || destructiveReason.isPresent();
  }

  /** Reads the directives from a file's already lexed comments. */
  public static MigrationDirectives fromComments(List<Comment> comments) {
    Contract contract = null;
    String destructive = null;
    List<Ignore> ignores = new ArrayList<>();
    List<Problem> problems = new ArrayList<>();
    for (Comment comment : comments) {
      Matcher directive = DIRECTIVE.matcher(comment.text());
      if (!directive.matches()) {
        continue;
      }
      String name = directive.group(1);
      String rest = directive.group(2);
      int line = comment.line();
      int column = comment.column();
      switch (name) {
        case "contract" -> contract = readContract(rest, line, column, problems).orElse(contract);
        case "allow" -> {
          if (rest.startsWith("destructive") && rest.substring("destructive".length()).isBlank()) {
            problems.add(new Problem(name, "zdm:allow destructive needs a reason, e.g."
                + " -- zdm:allow destructive column unused since release 3.2", line, column));
          } else if (rest.startsWith("destructive ")) {
            destructive = rest.substring("destructive ".length()).trim();
          } else {
            problems.add(new Problem(name, "zdm:allow knows only 'destructive <reason>'", line, column));
          }
        }
        case "ignore", "ignore-file" -> readIgnore(name.equals("ignore-file"), rest, line, column, ignores, problems);
        default -> problems.add(new Problem(name, "Unknown directive zdm:" + name
            + "; known: zdm:contract, zdm:allow, zdm:ignore, zdm:ignore-file", line, column));
      }
    }
    return new MigrationDirectives(Optional.ofNullable(contract), Optional.ofNullable(destructive), ignores, problems);
  }

  private static Optional<Contract> readContract(String rest, int line, int column, List<Problem> problems) {
    String expand = null;
    Optional<Duration> soak = Optional.empty();
    for (String word : rest.isEmpty() ? new String[0] : rest.split("\\s+")) {
      Matcher version = EXPAND.matcher(word);
      String problem = null;
      if (version.matches()) {
        expand = version.group(1).replace('_', '.');
      } else if (word.startsWith("expand=")) {
        problem = "zdm:contract " + word + " is not a Flyway version such as 42 or 1.2";
      } else if (word.startsWith("soak=")) {
        try {
          soak = Optional.of(DurationText.parse("zdm:contract soak", word.substring("soak=".length())));
        } catch (IllegalArgumentException e) {
          problem = e.getMessage();
        }
      } else {
        problem = "zdm:contract does not know '" + word + "'; write " + CONTRACT_SYNTAX;
      }
      if (problem != null) {
        problems.add(new Problem("contract", problem, line, column));
        return Optional.empty();
      }
    }
    if (expand == null) {
      problems.add(new Problem("contract", "zdm:contract needs expand=<version> of the expand migration, e.g."
          + " -- zdm:contract expand=42 soak=2h", line, column));
      return Optional.empty();
    }
    return Optional.of(new Contract(expand, soak, line, column));
  }

  private static void readIgnore(
      boolean wholeFile, String rest, int line, int column, List<Ignore> ignores, List<Problem> problems) {
    String name = wholeFile ? "ignore-file" : "ignore";
    String directive = "zdm:" + name;
    Matcher matcher = RULES_AND_REASON.matcher(rest);
    if (!matcher.matches()) {
      problems.add(new Problem(name, directive + " needs a rule id and a reason, e.g. -- " + directive
          + " require-lock-timeout table is empty in every environment", line, column));
      return;
    }
    List<String> rules = new ArrayList<>();
    for (String id : matcher.group(1).split(",")) {
      Optional<String> rule = Rules.find(id).map(r -> r.id());
      if (rule.isEmpty()) {
        problems.add(new Problem(name, directive + " names unknown rule '" + id + "'; accepted ids: "
            + Rules.acceptedIds(), line, column));
        return;
      }
      rules.add(rule.get());
    }
    String reason = matcher.group(2);
    if (reason == null || reason.isBlank()) {
      problems.add(new Problem(name, directive + " " + matcher.group(1) + " needs a reason after the rule id",
          line, column));
      return;
    }
    ignores.add(new Ignore(rules, reason.trim(), wholeFile, line, column));
  }
}
