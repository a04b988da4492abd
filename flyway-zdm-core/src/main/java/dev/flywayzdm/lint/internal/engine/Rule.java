package dev.flywayzdm.lint.internal.engine;

/**
 * One rule: its descriptor in a {@link RuleInfo} annotation on the class and its check, run on every
 * statement, reporting through the {@link Reporter}. Rules the engine reports itself (a syntax error, a
 * bad directive) keep the default no-op check. Implementations are found with {@link java.util.ServiceLoader}
 * (registered by {@code @AutoService(Rule.class)}), so they must be public with a public no-arg constructor.
 */
public interface Rule {

  /** The rule's id, from its descriptor. */
  default String id() {
    return descriptor().id();
  }

  /** The rule's descriptor. */
  default RuleInfo descriptor() {
    RuleInfo info = getClass().getAnnotation(RuleInfo.class);
    if (info == null) {
      throw new IllegalStateException(getClass().getName() + " has no @RuleInfo descriptor");
    }
    return info;
  }

  default void check(StatementContext statement, Reporter out) {}
}
