package dev.flywayzdm.internal.pg;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A possibly schema-qualified object name such as {@code sales.orders} or {@code "my.schema"."Orders"}.
 *
 * <p>Parsing splits on dots outside double quotes; quoted parts may contain dots and doubled quotes.
 * Unquoted parts are taken literally (not case-folded), like {@link Identifier}.
 */
public record QualifiedName(Optional<Identifier> schema, Identifier name) {

  /** Parses {@code name} or {@code schema.name}, naming {@code what} (e.g. "table") in errors. */
  public static QualifiedName parse(String what, String text) {
    if (text == null || text.isBlank()) {
      throw new IllegalArgumentException("invalid " + what + " name: it must not be empty");
    }
    List<String> parts = split(what, text);
    if (parts.size() > 2) {
      throw new IllegalArgumentException("invalid " + what + " name '" + text
          + "': expected name or schema.name (quote a part that contains a dot: \"a.b\")");
    }
    if (parts.size() == 2) {
      return new QualifiedName(Optional.of(Identifier.of(what + " schema", parts.get(0))), Identifier.of(what, parts.get(1)));
    }
    return new QualifiedName(Optional.empty(), Identifier.of(what, parts.get(0)));
  }

  public static QualifiedName of(String schema, String name) {
    return new QualifiedName(Optional.ofNullable(schema).map(s -> Identifier.of("schema", s)), Identifier.of("object", name));
  }

  private static List<String> split(String what, String text) {
    List<String> parts = new ArrayList<>();
    StringBuilder current = new StringBuilder();
    boolean quoted = false;
    boolean wasQuoted = false;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (quoted) {
        if (c == '"' && i + 1 < text.length() && text.charAt(i + 1) == '"') {
          current.append('"');
          i++;
        } else if (c == '"') {
          quoted = false;
        } else {
          current.append(c);
        }
      } else if (c == '"' && current.length() == 0 && !wasQuoted) {
        quoted = true;
        wasQuoted = true;
      } else if (c == '.') {
        parts.add(current.toString());
        current.setLength(0);
        wasQuoted = false;
      } else if (wasQuoted) {
        throw new IllegalArgumentException("invalid " + what + " name '" + text + "': text after a closing quote");
      } else {
        current.append(c);
      }
    }
    if (quoted) {
      throw new IllegalArgumentException("invalid " + what + " name '" + text + "': unterminated double quote");
    }
    parts.add(current.toString());
    return parts;
  }

  /** {@code "schema"."name"} or {@code "name"}. */
  public String quoted() {
    return schema.map(s -> s.quoted() + ".").orElse("") + name.quoted();
  }

  /** The bare object name, for deriving other names (indexes, triggers). */
  public String simpleName() {
    return name.name();
  }

  @Override
  public String toString() {
    return quoted();
  }
}
