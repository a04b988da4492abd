package dev.flywayzdm.lint.internal.sql;

import dev.flywayzdm.lint.internal.lexer.Statement;
import dev.flywayzdm.lint.internal.lexer.Token;
import dev.flywayzdm.lint.internal.lexer.TokenKind;
import java.util.ArrayList;
import java.util.List;

/**
 * An {@code ALTER TABLE} statement split into its actions.
 *
 * @param table the altered table
 * @param actions its actions in order
 */
public record AlterTable(String table, List<AlterAction> actions) {

  /** Reads {@code ALTER TABLE [IF EXISTS] [ONLY] name [*] action [, ...]}; null for anything else. */
  public static AlterTable read(Statement statement) {
    if (!statement.startsWith("ALTER", "TABLE")) {
      return null;
    }
    ObjectName name = ObjectName.at(statement, ObjectName.skipModifiers(statement, 2));
    if (name == null) {
      return null;
    }
    int start = name.next();
    if (start < statement.size() && statement.get(start).text().equals("*")) {
      start++;
    }
    List<AlterAction> actions = new ArrayList<>();
    int depth = 0;
    int actionStart = start;
    for (int i = start; i <= statement.size(); i++) {
      boolean end = i == statement.size();
      if (!end) {
        Token token = statement.get(i);
        if (token.is(TokenKind.OPEN_PAREN)) {
          depth++;
        } else if (token.is(TokenKind.CLOSE_PAREN)) {
          depth--;
        }
        end = depth == 0 && token.is(TokenKind.COMMA);
      }
      if (end && i > actionStart) {
        actions.add(action(new Statement(statement.tokens().subList(actionStart, i), statement.origin())));
        actionStart = i + 1;
      }
    }
    return new AlterTable(name.name(), List.copyOf(actions));
  }

  private static AlterAction action(Statement a) {
    if (a.isWord(0, "ADD")) {
      ConstraintDefinition constraint = ConstraintDefinition.read(a);
      if (constraint != null) {
        return new AlterAction(AlterAction.Kind.ADD_CONSTRAINT, a, constraint.notNullColumn(), null, constraint,
            null, constraint.name());
      }
      int at = ObjectName.skipModifiers(a, a.isWord(1, "COLUMN") ? 2 : 1);
      if (at < a.size() && a.get(at).isIdentifier()) {
        ColumnDefinition column = ColumnDefinition.read(a.tokens(), at, a.size());
        return new AlterAction(AlterAction.Kind.ADD_COLUMN, a, column.name(), column, null, null, null);
      }
      return other(a);
    }
    if (a.isWord(0, "DROP")) {
      if (a.isWord(1, "CONSTRAINT")) {
        ObjectName constraint = ObjectName.at(a, ObjectName.skipModifiers(a, 2));
        return new AlterAction(AlterAction.Kind.DROP_CONSTRAINT, a, null, null, null, null,
            constraint == null ? null : constraint.name());
      }
      ObjectName column = ObjectName.at(a, ObjectName.skipModifiers(a, a.isWord(1, "COLUMN") ? 2 : 1));
      return new AlterAction(AlterAction.Kind.DROP_COLUMN, a, column == null ? null : column.name(), null, null,
          null, null);
    }
    if (a.isWord(0, "ALTER") && !a.isWord(1, "CONSTRAINT")) {
      int at = a.isWord(1, "COLUMN") ? 2 : 1;
      ObjectName column = ObjectName.at(a, at);
      if (column == null) {
        return other(a);
      }
      return alterColumn(a, column.name(), column.next());
    }
    if (a.isWord(0, "VALIDATE") && a.isWord(1, "CONSTRAINT")) {
      ObjectName constraint = ObjectName.at(a, 2);
      return new AlterAction(AlterAction.Kind.VALIDATE_CONSTRAINT, a, null, null, null, null,
          constraint == null ? null : constraint.name());
    }
    if (a.isWord(0, "RENAME")) {
      if (a.isWord(1, "TO")) {
        ObjectName target = ObjectName.at(a, 2);
        return new AlterAction(AlterAction.Kind.RENAME_TABLE, a, null, null, null, null,
            target == null ? null : target.name());
      }
      if (a.isWord(1, "CONSTRAINT")) {
        return new AlterAction(AlterAction.Kind.RENAME_CONSTRAINT, a, null, null, null, null, null);
      }
      ObjectName column = ObjectName.at(a, a.isWord(1, "COLUMN") ? 2 : 1);
      ObjectName target = column == null ? null : ObjectName.at(a, column.next() + 1);
      return new AlterAction(AlterAction.Kind.RENAME_COLUMN, a, column == null ? null : column.name(), null, null,
          null, target == null ? null : target.name());
    }
    if (a.startsWith("SET", "SCHEMA")) {
      return new AlterAction(AlterAction.Kind.SET_SCHEMA, a, null, null, null, null, null);
    }
    if (a.startsWith("SET", "ACCESS", "METHOD")) {
      ObjectName method = ObjectName.at(a, 3);
      return new AlterAction(AlterAction.Kind.SET_ACCESS_METHOD, a, null, null, null, null,
          method == null ? null : method.name());
    }
    if (a.startsWith("SET", "LOGGED")) {
      return new AlterAction(AlterAction.Kind.SET_LOGGED, a, null, null, null, null, null);
    }
    if (a.startsWith("SET", "UNLOGGED")) {
      return new AlterAction(AlterAction.Kind.SET_UNLOGGED, a, null, null, null, null, null);
    }
    if (a.startsWith("DETACH", "PARTITION") || a.startsWith("ATTACH", "PARTITION")) {
      ObjectName partition = ObjectName.at(a, 2);
      AlterAction.Kind kind = a.isWord(0, "DETACH") ? AlterAction.Kind.DETACH_PARTITION
          : AlterAction.Kind.ATTACH_PARTITION;
      return new AlterAction(kind, a, null, null, null, null, partition == null ? null : partition.name());
    }
    if (a.startsWith("SET", "WITHOUT", "CLUSTER") || a.startsWith("CLUSTER", "ON")
        || (a.isWord(0, "SET") || a.isWord(0, "RESET")) && a.size() > 1 && a.get(1).is(TokenKind.OPEN_PAREN)) {
      return new AlterAction(AlterAction.Kind.STORAGE_OR_STATISTICS, a, null, null, null, null, null);
    }
    if ((a.isWord(0, "ENABLE") || a.isWord(0, "DISABLE"))
        && (a.isWord(1, "TRIGGER") || a.isWord(2, "TRIGGER"))) {
      return new AlterAction(AlterAction.Kind.TRIGGER_TOGGLE, a, null, null, null, null, null);
    }
    return other(a);
  }

  private static AlterAction alterColumn(Statement a, String column, int at) {
    AlterAction.Kind kind;
    ColumnType newType = null;
    if (a.isWord(at, "TYPE") || a.matchesAt(at, "SET", "DATA", "TYPE")) {
      int typeStart = a.isWord(at, "TYPE") ? at + 1 : at + 3;
      int typeEnd = typeStart;
      while (typeEnd < a.size() && !a.isWord(typeEnd, "USING") && !a.isWord(typeEnd, "COLLATE")) {
        typeEnd++;
      }
      newType = ColumnType.read(a.tokens(), typeStart, typeEnd);
      kind = AlterAction.Kind.ALTER_COLUMN_TYPE;
    } else if (a.matchesAt(at, "SET", "NOT", "NULL")) {
      kind = AlterAction.Kind.SET_NOT_NULL;
    } else if (a.matchesAt(at, "DROP", "NOT", "NULL")) {
      kind = AlterAction.Kind.DROP_NOT_NULL;
    } else if (a.matchesAt(at, "SET", "DEFAULT")) {
      kind = AlterAction.Kind.SET_DEFAULT;
    } else if (a.matchesAt(at, "DROP", "DEFAULT")) {
      kind = AlterAction.Kind.DROP_DEFAULT;
    } else if (a.matchesAt(at, "ADD", "GENERATED")) {
      kind = AlterAction.Kind.ADD_IDENTITY;
    } else if (a.matchesAt(at, "SET", "STATISTICS")
        || a.isWord(at, "SET") && at + 1 < a.size() && a.get(at + 1).is(TokenKind.OPEN_PAREN)
        || a.isWord(at, "RESET")) {
      kind = AlterAction.Kind.STORAGE_OR_STATISTICS;
    } else {
      kind = AlterAction.Kind.ALTER_COLUMN_OTHER;
    }
    return new AlterAction(kind, a, column, null, null, newType, null);
  }

  private static AlterAction other(Statement a) {
    return new AlterAction(AlterAction.Kind.OTHER, a, null, null, null, null, null);
  }
}
