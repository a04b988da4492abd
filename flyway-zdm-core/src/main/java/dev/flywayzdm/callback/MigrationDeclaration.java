package dev.flywayzdm.callback;

import dev.flywayzdm.config.DurationText;
import dev.flywayzdm.migration.Contract;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;

/**
 * What a migration declares about itself: whether it is the contract step of an expand migration
 * (with an optional soak of its own), and whether it is explicitly allowed destructive statements.
 *
 * <p>SQL migrations declare it in header comments, Java migrations with {@link Contract}:
 * <pre>
 * -- zdm:contract expand=5 soak=2h
 * -- zdm:allow destructive the audit table was never read, see TICKET-12
 * </pre>
 *
 * @param contract the expand migration this one contracts, when it is a contract step
 * @param allowDestructiveReason why destructive statements are fine outside a contract, when declared
 */
record MigrationDeclaration(Optional<ContractOf> contract, Optional<String> allowDestructiveReason) {

  static final MigrationDeclaration NONE = new MigrationDeclaration(Optional.empty(), Optional.empty());

  /**
   * A contract declaration.
   *
   * @param expandVersion the Flyway version of the expand migration
   * @param soak this contract's own soak; empty means {@code flyway.zdm.soak}
   */
  record ContractOf(String expandVersion, Optional<Duration> soak) {}

  /** From a Java migration's class: {@link Contract} if present. */
  static MigrationDeclaration ofJava(Class<?> migrationClass) {
    Contract contract = migrationClass.getAnnotation(Contract.class);
    if (contract == null) {
      return NONE;
    }
    String where = "@Contract on " + migrationClass.getName();
    if (contract.expand().isBlank()) {
      throw new IllegalArgumentException(where + ": expand must name the expand migration's version, e.g. expand = \"5\"");
    }
    Optional<Duration> soak = contract.soak().isBlank()
        ? Optional.empty() : Optional.of(DurationText.parse(where + " soak", contract.soak()));
    return new MigrationDeclaration(Optional.of(new ContractOf(contract.expand().trim(), soak)), Optional.empty());
  }

  /**
   * From the leading comment lines of a SQL migration ({@code -- zdm:...} lines before the first
   * statement). Unknown {@code zdm:} directives are left to the linter.
   *
   * <p>TODO(lint): switch to {@code dev.flywayzdm.lint.MigrationDirectives} once branch lint has landed,
   * so both read the same syntax.
   */
  static MigrationDeclaration ofSql(String script, String sql) {
    Optional<ContractOf> contract = Optional.empty();
    Optional<String> allow = Optional.empty();
    for (String raw : sql.lines().toList()) {
      String line = raw.strip();
      if (line.isEmpty()) {
        continue;
      }
      if (!line.startsWith("--")) {
        break;
      }
      String comment = line.substring(2).strip();
      if (!comment.toLowerCase(Locale.ROOT).startsWith("zdm:")) {
        continue;
      }
      String[] words = comment.substring(4).strip().split("\\s+");
      String directive = words[0].toLowerCase(Locale.ROOT);
      if (directive.equals("contract")) {
        contract = Optional.of(parseContract(script, line, words));
      } else if (directive.equals("allow") && words.length > 1 && words[1].equalsIgnoreCase("destructive")) {
        String reason = comment.substring(4).strip().replaceFirst("(?i)^allow\\s+destructive", "").strip();
        if (reason.isEmpty()) {
          throw new IllegalArgumentException(script + ": '" + line + "' needs a reason: -- zdm:allow destructive <why this is safe>");
        }
        allow = Optional.of(reason);
      }
    }
    return new MigrationDeclaration(contract, allow);
  }

  private static ContractOf parseContract(String script, String line, String[] words) {
    String expand = null;
    Optional<Duration> soak = Optional.empty();
    for (int i = 1; i < words.length; i++) {
      String[] pair = words[i].split("=", 2);
      String key = pair[0].toLowerCase(Locale.ROOT);
      String value = pair.length == 2 ? pair[1] : "";
      if (key.equals("expand") && !value.isBlank()) {
        expand = value;
      } else if (key.equals("soak")) {
        soak = Optional.of(DurationText.parse(script + ": zdm:contract soak", value));
      } else {
        throw new IllegalArgumentException(script + ": '" + line + "': unknown '" + words[i]
            + "'; write -- zdm:contract expand=<version> [soak=<duration>]");
      }
    }
    if (expand == null) {
      throw new IllegalArgumentException(script + ": '" + line + "' does not name the expand migration;"
          + " write -- zdm:contract expand=<version> [soak=<duration>]");
    }
    return new ContractOf(expand, soak);
  }

  boolean isContract() {
    return contract.isPresent();
  }
}
