package dev.flywayzdm.lint.internal.sql;

import dev.flywayzdm.lint.internal.lexer.Token;
import dev.flywayzdm.lint.internal.lexer.TokenKind;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A column's data type, normalised so that aliases compare equal ({@code integer} is {@code int4},
 * {@code character varying(20)} is {@code varchar(20)}).
 *
 * @param base the canonical type name, e.g. {@code varchar}, {@code int8}, {@code timestamptz}
 * @param modifiers the type modifiers, e.g. {@code [20]} for {@code varchar(20)}; empty when none
 * @param array whether it is an array of {@code base}
 */
public record ColumnType(String base, List<Integer> modifiers, boolean array) {

  private static final Map<String, String> ALIASES = Map.ofEntries(
      Map.entry("integer", "int4"), Map.entry("int", "int4"), Map.entry("int4", "int4"),
      Map.entry("bigint", "int8"), Map.entry("int8", "int8"),
      Map.entry("smallint", "int2"), Map.entry("int2", "int2"),
      Map.entry("serial", "serial4"), Map.entry("serial4", "serial4"),
      Map.entry("bigserial", "serial8"), Map.entry("serial8", "serial8"),
      Map.entry("smallserial", "serial2"), Map.entry("serial2", "serial2"),
      Map.entry("character varying", "varchar"), Map.entry("varchar", "varchar"),
      Map.entry("character", "bpchar"), Map.entry("char", "bpchar"), Map.entry("bpchar", "bpchar"),
      Map.entry("decimal", "numeric"), Map.entry("numeric", "numeric"),
      Map.entry("double precision", "float8"), Map.entry("float8", "float8"),
      Map.entry("real", "float4"), Map.entry("float4", "float4"),
      Map.entry("boolean", "bool"), Map.entry("bool", "bool"),
      Map.entry("timestamp", "timestamp"), Map.entry("timestamp without time zone", "timestamp"),
      Map.entry("timestamp with time zone", "timestamptz"), Map.entry("timestamptz", "timestamptz"),
      Map.entry("time", "time"), Map.entry("time without time zone", "time"),
      Map.entry("time with time zone", "timetz"), Map.entry("timetz", "timetz"),
      Map.entry("bit varying", "varbit"), Map.entry("varbit", "varbit"));

  /** Whether the type is one of the auto-increment pseudo-types. */
  public boolean serial() {
    return base.startsWith("serial");
  }

  /** Whether it is a 2- or 4-byte integer (or its serial). */
  public boolean smallInteger() {
    return base.equals("int4") || base.equals("int2") || base.equals("serial4") || base.equals("serial2");
  }

  /** Reads a type from {@code tokens[from, to)}; null when there is no type there. */
  public static ColumnType read(List<Token> tokens, int from, int to) {
    List<String> words = new ArrayList<>();
    List<Integer> modifiers = new ArrayList<>();
    boolean array = false;
    int i = from;
    while (i < to) {
      Token token = tokens.get(i);
      if (token.is(TokenKind.OPEN_PAREN) && words.size() > 0) {
        i++;
        while (i < to && !tokens.get(i).is(TokenKind.CLOSE_PAREN)) {
          if (tokens.get(i).is(TokenKind.NUMBER)) {
            modifiers.add(parseModifier(tokens.get(i).text()));
          }
          i++;
        }
        i++;
      } else if (token.is(TokenKind.OPERATOR) && token.text().equals("[")) {
        array = true;
        while (i < to && !tokens.get(i).text().equals("]")) {
          i++;
        }
        i++;
      } else if (token.isWord("ARRAY")) {
        array = true;
        i++;
      } else if (token.isIdentifier() && !token.is(TokenKind.PLACEHOLDER)) {
        if (i + 1 < to && tokens.get(i + 1).is(TokenKind.DOT)) {
          i += 2; // schema-qualified type: keep the last part only
          continue;
        }
        words.add(token.identifier());
        i++;
      } else {
        break;
      }
    }
    if (words.isEmpty()) {
      return null;
    }
    String joined = String.join(" ", words).toLowerCase(Locale.ROOT);
    // "timestamp(3) with time zone": the precision came between the words; it is in modifiers.
    return new ColumnType(ALIASES.getOrDefault(joined, joined), List.copyOf(modifiers), array);
  }

  private static int parseModifier(String number) {
    try {
      return Integer.parseInt(number);
    } catch (NumberFormatException e) {
      return -1;
    }
  }

  @Override
  public String toString() {
    String mods = modifiers.isEmpty() ? "" : modifiers.toString().replace('[', '(').replace(']', ')').replace(" ", "");
    return base + mods + (array ? "[]" : "");
  }
}
