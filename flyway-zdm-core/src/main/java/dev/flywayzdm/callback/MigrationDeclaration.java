package dev.flywayzdm.callback;

import dev.flywayzdm.internal.settings.DurationText;
import dev.flywayzdm.migration.Contract;
import dev.flywayzdm.lint.MigrationDirectives;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;

/**
 * What a migration declares about itself: whether it is the contract step of an expand migration
 * (with an optional soak of its own), and whether it is explicitly allowed destructive statements.
 *
 * <p>SQL migrations declare it in {@code zdm:} comments ({@link MigrationDirectives}), Java migrations
 * with {@link Contract}:
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

  /** The directives whose meaning the callback acts on. */
  private static final Set<String> GATE_DIRECTIVES = Set.of("contract", "allow");

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
   * From a SQL migration's {@code zdm:} directives, read by {@link MigrationDirectives} like the linter
   * reads them. A malformed contract or allow directive refuses the migration: guessing what its author
   * meant could run a contract early or a drop unannounced. Other directives are the linter's business.
   *
   * @throws IllegalArgumentException naming the script, the place and what is wrong
   */
  static MigrationDeclaration ofSql(String script, String sql) {
    MigrationDirectives directives = MigrationDirectives.parse(sql);
    for (MigrationDirectives.Problem problem : directives.problems()) {
      if (GATE_DIRECTIVES.contains(problem.directive())) {
        throw new IllegalArgumentException(script + ":" + problem.line() + ":" + problem.column() + ": "
            + problem.message());
      }
    }
    return new MigrationDeclaration(
        directives.contract().map(contract -> new ContractOf(contract.expandVersion(), contract.soak())),
        directives.destructiveReason());
  }

  boolean isContract() {
    return contract.isPresent();
  }
}
