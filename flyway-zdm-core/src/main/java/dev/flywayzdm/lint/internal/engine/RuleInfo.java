package dev.flywayzdm.lint.internal.engine;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Everything users read about a rule, on the rule class itself, so a rule is one file.
 *
 * <p>The {@link #id()} is public API (suppression comments, settings and CI scripts name it): never
 * rename one, retire it instead. {@code RuleMetadataTest} checks every annotated rule.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface RuleInfo {

  /** The stable kebab-case id. */
  String id();

  /** The default severity label: {@code error}, {@code warning} or {@code advice}. */
  String severity();

  /** One line stating the consequence. */
  String title();

  /** Why the operation is dangerous, in terms of PostgreSQL locks. */
  String why();

  /** The safe way to get the same result. */
  String fix();

  /** The flyway-zdm base class ({@code dev.flywayzdm.migration}) that does it safely, or empty. */
  String baseClass() default "";

  /**
   * Where the rule's findings come among those of one statement (lower first); 0 for rules the engine
   * reports itself. Ties are broken by id.
   */
  int rank() default 0;
}
