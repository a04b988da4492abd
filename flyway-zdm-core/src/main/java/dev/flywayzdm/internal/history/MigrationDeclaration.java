package dev.flywayzdm.internal.history;

import dev.flywayzdm.internal.settings.DurationText;
import dev.flywayzdm.lint.internal.MigrationDirectives;
import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;

/**
 * What a migration declares about itself: whether it is the contract step of an expand migration
 * (with an optional soak of its own), and whether it is explicitly allowed destructive statements.
 *
 * <p>SQL migrations declare it in {@code zdm:} comments ({@link MigrationDirectives}), Java migrations
 * with {@code @dev.flywayzdm.migration.Contract}, read by its name: this internal package does not import the
 * public {@code migration} package, and a copy of the annotation loaded by another class loader counts too.
 * <pre>
 * -- zdm:contract expand=5 soak=2h
 * -- zdm:allow destructive the audit table was never read, see TICKET-12
 * </pre>
 *
 * @param contract the expand migration this one contracts, when it is a contract step
 * @param allowDestructiveReason why destructive statements are fine outside a contract, when declared
 */
public record MigrationDeclaration(Optional<ContractOf> contract, Optional<String> allowDestructiveReason) {

  public static final MigrationDeclaration NONE = new MigrationDeclaration(Optional.empty(), Optional.empty());

  /** The directives whose meaning the callback acts on. */
  private static final Set<String> GATE_DIRECTIVES = Set.of("contract", "allow");

  /**
   * A contract declaration.
   *
   * @param expandVersion the Flyway version of the expand migration
   * @param soak this contract's own soak; empty means {@code flyway.zdm.soak}
   */
  public record ContractOf(String expandVersion, Optional<Duration> soak) {}

  /** The annotation a Java contract migration carries, by name. */
  static final String CONTRACT_ANNOTATION = "dev.flywayzdm.migration.Contract";

  /** From a Java migration's class: {@code @Contract} if present. */
  static MigrationDeclaration ofJava(Class<?> migrationClass) {
    Optional<Annotation> contract = contractAnnotation(migrationClass);
    if (contract.isEmpty()) {
      return NONE;
    }
    String where = "@Contract on " + migrationClass.getName();
    String expand = element(contract.get(), "expand");
    String soakText = element(contract.get(), "soak");
    if (expand.isBlank()) {
      throw new IllegalArgumentException(where + ": expand must name the expand migration's version, e.g. expand = \"5\"");
    }
    Optional<Duration> soak = soakText.isBlank()
        ? Optional.empty() : Optional.of(DurationText.parse(where + " soak", soakText));
    return new MigrationDeclaration(Optional.of(new ContractOf(expand.trim(), soak)), Optional.empty());
  }

  /** Whether the class carries {@code @Contract} (directly, as {@code getAnnotation} would find it). */
  public static boolean isJavaContract(Class<?> migrationClass) {
    return contractAnnotation(migrationClass).isPresent();
  }

  private static Optional<Annotation> contractAnnotation(Class<?> migrationClass) {
    for (Annotation annotation : migrationClass.getAnnotations()) {
      if (annotation.annotationType().getName().equals(CONTRACT_ANNOTATION)) {
        return Optional.of(annotation);
      }
    }
    return Optional.empty();
  }

  private static String element(Annotation annotation, String name) {
    try {
      Method element = annotation.annotationType().getMethod(name);
      return String.valueOf(element.invoke(annotation));
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException(CONTRACT_ANNOTATION + " has no element " + name + "()", e);
    }
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

  /** Whether the SQL declares a well-formed {@code zdm:contract} (malformed directives are the linter's to report). */
  static boolean isSqlContract(String sql) {
    return MigrationDirectives.parse(sql).contractStep();
  }

  public boolean isContract() {
    return contract.isPresent();
  }
}
