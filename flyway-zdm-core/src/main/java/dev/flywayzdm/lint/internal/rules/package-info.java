/**
 * One lint rule per class: its stable kebab-case id, default severity, texts and checks in one file
 * ({@link dev.flywayzdm.lint.internal.engine.RuleInfo} on the class). {@link dev.flywayzdm.lint.internal.rules.Rules}
 * derives the rule list from the classes. Not public API.
 */
package dev.flywayzdm.lint.internal.rules;
