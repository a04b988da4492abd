package dev.flywayzdm.lint.internal.rules;

import dev.flywayzdm.lint.internal.engine.Rule;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.ServiceLoader;

/**
 * Every rule, found from the rule classes themselves ({@code @AutoService(Rule.class)} writes
 * {@code META-INF/services}), so adding a rule touches no list. Loaded with this class's own class loader:
 * it sees the rules wherever the core is (a Spring Boot fat jar, a Maven plugin realm, the Flyway CLI).
 */
public final class Rules {

  private static final List<Rule> ALL = load();

  private Rules() {}

  /** Every rule, in the order their findings read for one statement (by rank, then id). */
  public static List<Rule> all() {
    return ALL;
  }

  /** The rule with this id (case-insensitive), if any. */
  public static Optional<Rule> find(String id) {
    String wanted = id.trim();
    return ALL.stream().filter(rule -> rule.id().equalsIgnoreCase(wanted)).findFirst();
  }

  private static List<Rule> load() {
    List<Rule> rules = new ArrayList<>();
    ServiceLoader.load(Rule.class, Rules.class.getClassLoader()).forEach(rules::add);
    if (rules.isEmpty()) {
      throw new IllegalStateException("No lint rules found: META-INF/services/" + Rule.class.getName()
          + " is missing from the flyway-zdm-core jar");
    }
    rules.sort(Comparator.comparingInt((Rule rule) -> rule.descriptor().rank()).thenComparing(Rule::id));
    return List.copyOf(rules);
  }
}
