package dev.flywayzdm.internal.dualwrite;

import dev.flywayzdm.internal.pg.Identifier;
import dev.flywayzdm.internal.step.StepContext;
import dev.flywayzdm.internal.pg.TableCatalog;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Checks, batch by batch along the primary key, that the new column holds the converted old value
 * on every row ({@code new IS NOT DISTINCT FROM convert(old)}). Each batch is its own short query,
 * so no snapshot is held for the whole table. Before the old column may go, this must find nothing.
 */
final class DualWriteVerifier {

  /** How many disagreeing keys a report shows. */
  static final int SHOWN_KEYS = 5;

  private static final long PROGRESS_NANOS = 5_000_000_000L;

  /** What the check found: rows checked, rows that disagree, and the first few of their keys. */
  record Result(long checked, long disagreeing, List<String> firstKeys) {
    public boolean agrees() {
      return disagreeing == 0;
    }
  }

  private final StepContext ddl;
  private final DualWriteSpec spec;
  private final int batchSize;

  DualWriteVerifier(StepContext ddl, DualWriteSpec spec, int batchSize) {
    this.ddl = ddl;
    this.spec = spec;
    this.batchSize = batchSize;
  }

  Result verify() throws SQLException {
    List<Identifier> key = TableCatalog.primaryKey(ddl.connection(), spec.table());
    if (key.isEmpty()) {
      throw new IllegalStateException(ddl.name() + ": table " + spec.table()
          + " has no primary key; flyway-zdm checks old and new columns in batches along it. Add one first.");
    }
    Map<Identifier, String> types = TableCatalog.columns(ddl.connection(), spec.table()).stream()
        .collect(Collectors.toMap(TableCatalog.Column::name, TableCatalog.Column::type));
    String keyList = join(key, k -> "zdm_row." + k.quoted());
    String select = "SELECT " + join(key, k -> "zdm_row." + k.quoted() + "::text") + ", zdm_row."
        + spec.newColumn().quoted() + " IS NOT DISTINCT FROM (" + spec.oldToNew("zdm_row") + ") FROM "
        + spec.table().quoted() + " AS zdm_row";
    String first = select + " ORDER BY " + keyList + " LIMIT ?";
    String next = select + " WHERE (" + keyList + ") > (" + join(key, k -> "CAST(? AS " + types.get(k) + ")")
        + ") ORDER BY " + keyList + " LIMIT ?";

    long checked = 0;
    long disagreeing = 0;
    List<String> firstKeys = new ArrayList<>();
    String[] last = null;
    long lastLog = System.nanoTime();
    while (true) {
      String[] from = last;
      List<String[]> batch = ddl.transaction("checking " + spec.describe(), spec.table().quoted(), tx -> {
        List<String[]> rows = new ArrayList<>();
        try (PreparedStatement statement = tx.prepareStatement(from == null ? first : next)) {
          int p = 1;
          if (from != null) {
            for (String value : from) {
              statement.setString(p++, value);
            }
          }
          statement.setInt(p, batchSize);
          try (ResultSet result = statement.executeQuery()) {
            while (result.next()) {
              String[] values = new String[key.size() + 1];
              for (int i = 0; i <= key.size(); i++) {
                values[i] = result.getString(i + 1);
              }
              rows.add(values);
            }
          }
        }
        return rows;
      });
      for (String[] row : batch) {
        last = Arrays.copyOf(row, key.size());
        if (!"t".equals(row[key.size()])) {
          disagreeing++;
          if (firstKeys.size() < SHOWN_KEYS) {
            firstKeys.add(describeKey(key, last));
          }
        }
      }
      int rowsInBatch = batch.size();
      checked += rowsInBatch;
      if (System.nanoTime() - lastLog > PROGRESS_NANOS) {
        ddl.info("checked {} rows of {}, {} disagree so far", checked, spec.describe(), disagreeing);
        lastLog = System.nanoTime();
      }
      if (rowsInBatch < batchSize) {
        return new Result(checked, disagreeing, firstKeys);
      }
    }
  }

  static String describeKey(List<Identifier> key, String[] values) {
    StringJoiner names = new StringJoiner(", ", "(", ")");
    StringJoiner shown = new StringJoiner(", ", "(", ")");
    for (int i = 0; i < values.length; i++) {
      names.add(key.get(i).name());
      shown.add(values[i] == null ? "NULL" : values[i]);
    }
    return names + "=" + shown;
  }

  private static String join(List<Identifier> key, Function<Identifier, String> each) {
    return key.stream().map(each).collect(Collectors.joining(", "));
  }
}
