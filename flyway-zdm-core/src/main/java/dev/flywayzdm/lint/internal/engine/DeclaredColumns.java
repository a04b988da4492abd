package dev.flywayzdm.lint.internal.engine;

import dev.flywayzdm.lint.internal.lexer.Statement;
import dev.flywayzdm.lint.internal.lexer.Token;
import dev.flywayzdm.lint.internal.lexer.TokenKind;
import dev.flywayzdm.lint.internal.sql.AlterAction;
import dev.flywayzdm.lint.internal.sql.AlterTable;
import dev.flywayzdm.lint.internal.sql.ColumnDefinition;
import dev.flywayzdm.lint.internal.sql.ColumnType;
import dev.flywayzdm.lint.internal.sql.ObjectName;
import java.util.ArrayList;
import java.util.List;

/** Columns a statement declares a type for: CREATE TABLE, ADD COLUMN and ALTER COLUMN TYPE. */
public final class DeclaredColumns {

  /**
   * One declared column.
   *
   * @param at where to report
   * @param type the declared type
   * @param primaryKey whether it is the (single-column) primary key
   */
  public record Declared(Token at, String column, ColumnType type, boolean primaryKey) {}

  private DeclaredColumns() {}

  public static List<Declared> of(StatementContext context) {
    Statement s = context.statement();
    List<Declared> declared = new ArrayList<>();
    AlterTable alter = context.alterTable();
    if (alter != null) {
      for (AlterAction action : alter.actions()) {
        if (action.kind() == AlterAction.Kind.ADD_COLUMN && action.columnDefinition().type() != null) {
          ColumnDefinition column = action.columnDefinition();
          declared.add(new Declared(column.nameToken(), column.name(), column.type(), column.primaryKey()));
        } else if (action.kind() == AlterAction.Kind.ALTER_COLUMN_TYPE && action.newType() != null) {
          declared.add(new Declared(action.first(), action.column(), action.newType(), false));
        }
      }
      return declared;
    }
    int at = 1;
    while (at < s.size() && (s.isWord(at, "TEMP") || s.isWord(at, "TEMPORARY") || s.isWord(at, "UNLOGGED"))) {
      at++;
    }
    if (!s.isWord(0, "CREATE") || !s.isWord(at, "TABLE")) {
      return declared;
    }
    ObjectName table = ObjectName.at(s, ObjectName.skipModifiers(s, at + 1));
    if (table == null || table.next() >= s.size() || !s.get(table.next()).is(TokenKind.OPEN_PAREN)) {
      return declared;
    }
    String tablePrimaryKey = TableElements.primaryKeyColumn(s, table.next());
    for (ColumnDefinition column : TableElements.columns(s, table.next())) {
      if (column.type() != null) {
        declared.add(new Declared(column.nameToken(), column.name(), column.type(),
            column.primaryKey() || column.name().equals(tablePrimaryKey)));
      }
    }
    return declared;
  }
}
