package dev.flywayzdm.lint;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A strict little JSON reader, enough to prove the hand-written reports parse back. */
final class MiniJson {

  private final String text;
  private int pos;

  private MiniJson(String text) {
    this.text = text;
  }

  static Object parse(String text) {
    MiniJson json = new MiniJson(text);
    Object value = json.value();
    json.skipSpace();
    if (json.pos != text.length()) {
      throw new IllegalArgumentException("trailing text at " + json.pos);
    }
    return value;
  }

  private Object value() {
    skipSpace();
    char c = text.charAt(pos);
    if (c == '{') {
      Map<String, Object> object = new LinkedHashMap<>();
      pos++;
      skipSpace();
      if (text.charAt(pos) == '}') {
        pos++;
        return object;
      }
      do {
        skipSpace();
        String key = string();
        skipSpace();
        expect(':');
        object.put(key, value());
        skipSpace();
      } while (text.charAt(pos++) == ',');
      if (text.charAt(pos - 1) != '}') {
        throw new IllegalArgumentException("expected } at " + (pos - 1));
      }
      return object;
    }
    if (c == '[') {
      List<Object> array = new ArrayList<>();
      pos++;
      skipSpace();
      if (text.charAt(pos) == ']') {
        pos++;
        return array;
      }
      do {
        array.add(value());
        skipSpace();
      } while (text.charAt(pos++) == ',');
      if (text.charAt(pos - 1) != ']') {
        throw new IllegalArgumentException("expected ] at " + (pos - 1));
      }
      return array;
    }
    if (c == '"') {
      return string();
    }
    int start = pos;
    while (pos < text.length() && "-+.0123456789eEtruefalsn".indexOf(text.charAt(pos)) >= 0) {
      pos++;
    }
    String literal = text.substring(start, pos);
    return switch (literal) {
      case "true" -> true;
      case "false" -> false;
      case "null" -> null;
      default -> Long.parseLong(literal);
    };
  }

  private String string() {
    expect('"');
    StringBuilder out = new StringBuilder();
    while (true) {
      char c = text.charAt(pos++);
      if (c == '"') {
        return out.toString();
      }
      if (c < 0x20) {
        throw new IllegalArgumentException("raw control character at " + (pos - 1));
      }
      if (c != '\\') {
        out.append(c);
        continue;
      }
      char e = text.charAt(pos++);
      switch (e) {
        case 'n' -> out.append('\n');
        case 't' -> out.append('\t');
        case 'r' -> out.append('\r');
        case 'b' -> out.append('\b');
        case 'f' -> out.append('\f');
        case 'u' -> {
          out.append((char) Integer.parseInt(text.substring(pos, pos + 4), 16));
          pos += 4;
        }
        case '"', '\\', '/' -> out.append(e);
        default -> throw new IllegalArgumentException("bad escape \\" + e);
      }
    }
  }

  private void expect(char c) {
    if (text.charAt(pos++) != c) {
      throw new IllegalArgumentException("expected " + c + " at " + (pos - 1));
    }
  }

  private void skipSpace() {
    while (pos < text.length() && Character.isWhitespace(text.charAt(pos))) {
      pos++;
    }
  }
}
