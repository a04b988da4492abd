package dev.flywayzdm.lint.internal.lexer;

/**
 * A comment, kept because flyway-zdm directives ({@code -- zdm:...}) live in comments.
 *
 * @param text the comment without its {@code --} or {@code /* *}{@code /} delimiters
 * @param lineComment whether it is a {@code --} comment
 */
public record Comment(String text, boolean lineComment, int offset, int line, int column) {}
