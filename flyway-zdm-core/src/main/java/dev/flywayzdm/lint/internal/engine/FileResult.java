package dev.flywayzdm.lint.internal.engine;

import java.util.List;

/**
 * What linting one file produced.
 *
 * @param findings raw findings in file order
 * @param statementStarts where the top-level statements start, indexed like {@link RawFinding#anchor()}
 * @param statementCount statements checked, including those inside bodies
 */
public record FileResult(List<Position> statementStarts, List<RawFinding> findings, int statementCount) {

  /** A 1-based line and column. */
  public record Position(int line, int column) implements Comparable<Position> {
    @Override
    public int compareTo(Position other) {
      return line != other.line ? Integer.compare(line, other.line) : Integer.compare(column, other.column);
    }
  }
}
