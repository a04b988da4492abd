package dev.flywayzdm.lint.internal.lexer;

/** Input the lexer could not read, such as an unterminated string; lexing stops there. */
public record LexError(String message, int line, int column) {}
