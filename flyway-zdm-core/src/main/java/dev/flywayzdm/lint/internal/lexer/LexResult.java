package dev.flywayzdm.lint.internal.lexer;

import java.util.List;
import java.util.Optional;

/** Tokens and comments of a text, and the error that stopped lexing early, if any. */
public record LexResult(List<Token> tokens, List<Comment> comments, Optional<LexError> error) {}
