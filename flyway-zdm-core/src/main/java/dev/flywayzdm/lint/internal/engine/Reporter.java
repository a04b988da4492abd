package dev.flywayzdm.lint.internal.engine;

import dev.flywayzdm.lint.internal.lexer.Token;
import java.util.ArrayList;
import java.util.List;

/** Collects the raw findings of one file. */
public final class Reporter {

  private final List<RawFinding> findings = new ArrayList<>();
  private int anchor = -1;
  private StatementSubject subject;

  void anchor(int statementIndex) {
    anchor = statementIndex;
    subject = null;
  }

  /** The statement kind and table the next findings concern, or null. */
  void subject(StatementSubject statementSubject) {
    subject = statementSubject;
  }

  /** Reports at the token, with the rule's own fix. */
  public void report(String rule, Token at, String message) {
    report(rule, at, message, null);
  }

  /** Reports at the token with a fix written for this case. */
  public void report(String rule, Token at, String message, String fix) {
    findings.add(new RawFinding(rule, at.line(), at.column(), message, fix, anchor, subject));
  }

  void reportAt(String rule, int line, int column, String message) {
    findings.add(new RawFinding(rule, line, column, message, null, -1, null));
  }

  List<RawFinding> findings() {
    return findings;
  }
}
