package dev.flywayzdm.lint.internal.rules;

import dev.flywayzdm.lint.internal.engine.Rule;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.ServiceLoader;
import java.util.stream.Collectors;

/**
 * Every rule, derived from the rule classes themselves: {@code @AutoService(Rule.class)} writes
 * {@code META-INF/services} at compile time and {@link ServiceLoader} reads it, so adding a rule touches
 * no list.
 *
 * <p>Why ServiceLoader and not a class-path scan or a generated list: a services file is a plain
 * resource that every packaging keeps readable. A Spring Boot fat jar's nested-jar class loader serves
 * it, a Maven plugin realm serves it, and the Flyway CLI (the jar dropped in {@code lib/}) serves it. A
 * shaded jar keeps it too (the shade plugin's {@code ServicesResourceTransformer} also rewrites it under a
 * relocation), whereas scanning packages for annotated classes breaks in nested jars and under
 * relocation. Loaded with this class's own class loader, so it sees the rules wherever the core is,
 * whatever the thread's context class loader.
 */
public final class Rules {

  private static final List<Rule> ALL = load();

  private Rules() {}

  /** Every rule, in the order their findings read for one statement (by rank, then id). */
  public static List<Rule> all() {
    return ALL;
  }

  /** The rule with this id (case-insensitive, surrounding blanks ignored), if any. */
  public static Optional<Rule> find(String id) {
    String wanted = id.trim();
    return ALL.stream().filter(rule -> rule.id().equalsIgnoreCase(wanted)).findFirst();
  }

  /**
   * The canonical id of the rule {@code id} names, or fails with a message naming the bad id and every
   * accepted one.
   *
   * @param where the setting or comment the id came from, for the message
   */
  public static String parse(String id, String where) {
    return find(id).map(Rule::id).orElseThrow(() -> new IllegalArgumentException(
        "Unknown lint rule '" + id.trim() + "' in " + where + "; accepted ids: " + acceptedIds()));
  }

  /** All ids, comma-separated and sorted, for error messages. */
  public static String acceptedIds() {
    return ALL.stream().map(Rule::id).sorted().collect(Collectors.joining(", "));
  }

  private static List<Rule> load() {
    List<Rule> rules = new ArrayList<>();
    ServiceLoader.load(Rule.class, Rules.class.getClassLoader()).forEach(rules::add);
    if (rules.isEmpty()) {
      throw new IllegalStateException("No lint rules found: META-INF/services/" + Rule.class.getName()
          + " is missing from the flyway-zdm-core jar (a shaded jar needs the ServicesResourceTransformer)");
    }
    rules.sort(Comparator.comparingInt((Rule rule) -> rule.descriptor().rank()).thenComparing(Rule::id));
    return List.copyOf(rules);
  }
}
