package dev.flywayzdm.lint.internal.lexer;

import java.util.List;

/**
 * One SQL statement: its tokens without the closing semicolon.
 *
 * @param tokens the statement's tokens, never empty
 * @param origin where the statement sits: top level of the file, or inside a body
 */
public record Statement(List<Token> tokens, Origin origin) {

  /** Where a statement was found, which decides when and how it runs. */
  public enum Origin {
    /** Directly in the migration file. */
    FILE,
    /** In a {@code DO} block: runs now, inside a transaction. */
    DO_BLOCK,
    /** In a PL/pgSQL function or procedure body: runs whenever it is called. */
    ROUTINE_BODY,
    /** In a string passed to {@code EXECUTE} in a body. */
    DYNAMIC_SQL
  }

  public Token first() {
    return tokens.get(0);
  }

  public int line() {
    return first().line();
  }

  public int column() {
    return first().column();
  }

  public int size() {
    return tokens.size();
  }

  public Token get(int i) {
    return tokens.get(i);
  }

  /** Whether token {@code i} exists and is the word {@code word}. */
  public boolean isWord(int i, String word) {
    return i >= 0 && i < tokens.size() && tokens.get(i).isWord(word);
  }

  /** Whether the statement starts with these words. */
  public boolean startsWith(String... words) {
    return matchesAt(0, words);
  }

  /** Whether the words appear, in order and adjacent, starting at {@code i}. */
  public boolean matchesAt(int i, String... words) {
    for (int k = 0; k < words.length; k++) {
      if (!isWord(i + k, words[k])) {
        return false;
      }
    }
    return true;
  }

  /** Index of the first word {@code word} at or after {@code from}, at any nesting depth; -1 if none. */
  public int indexOfWord(String word, int from) {
    for (int i = Math.max(0, from); i < tokens.size(); i++) {
      if (tokens.get(i).isWord(word)) {
        return i;
      }
    }
    return -1;
  }

  /** Whether the word appears anywhere. */
  public boolean containsWord(String word) {
    return indexOfWord(word, 0) >= 0;
  }
}
