import dev.flywayzdm.internal.dualwrite.DualWriteSpec;
import dev.flywayzdm.internal.dualwrite.SyncTriggerSql;
import dev.flywayzdm.internal.pg.Identifier;
import dev.flywayzdm.internal.pg.QualifiedName;
import java.util.Optional;

/** Prints the exact function and trigger flyway-zdm installs for bench_users.name -> display_name. */
public class DualWriteTriggerSql {
  public static void main(String[] args) {
    DualWriteSpec spec = new DualWriteSpec(QualifiedName.parse("table", "bench_users"), new Identifier("name"),
        new Identifier("display_name"), Optional.empty(), DualWriteSpec.OLD, DualWriteSpec.NEW, Optional.empty());
    System.out.println(SyncTriggerSql.createFunction(spec) + ";");
    System.out.println(SyncTriggerSql.createTrigger(spec) + ";");
  }
}
