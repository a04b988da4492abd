/**
 * One lint rule per class, each reporting under a stable {@link dev.flywayzdm.lint.RuleId};
 * {@link dev.flywayzdm.lint.internal.rules.Rules} lists them in reporting order. Not public API.
 */
package dev.flywayzdm.lint.internal.rules;
