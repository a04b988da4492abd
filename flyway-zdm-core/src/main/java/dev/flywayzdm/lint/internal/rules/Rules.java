package dev.flywayzdm.lint.internal.rules;

import dev.flywayzdm.lint.internal.engine.Rule;
import java.util.List;

/** Every statement rule, in the order their findings should read for one statement. */
public final class Rules {

  private static final List<Rule> ALL = List.of(
      new ConcurrentlyInTransaction(),
      new RequireConcurrentIndexCreation(),
      new RequireConcurrentIndexDeletion(),
      new RequireConcurrentReindex(),
      new ForeignKeyMissingNotValid(),
      new CheckConstraintMissingNotValid(),
      new ValidateInSameTransaction(),
      new SetNotNullWithoutCheck(),
      new VolatileColumnDefault(),
      new NotNullColumnWithoutDefault(),
      new ColumnTypeChangeRewrite(),
      new UniqueConstraintWithoutIndex(),
      new ExclusionConstraint(),
      new RenameColumn(),
      new RenameTable(),
      new DropColumn(),
      new DropTable(),
      new TruncateTable(),
      new BanDropDatabase(),
      new AddAutoIncrementColumn(),
      new AddStoredGeneratedColumn(),
      new VacuumFullOrCluster(),
      new RequireConcurrentPartitionDetach(),
      new EnumValueInTransaction(),
      new UnbatchedBackfill(),
      new SetLoggedUnlogged(),
      new LockTable(),
      new TransactionNesting(),
      new StatementsAfterAccessExclusive(),
      new RequireLockTimeout(),
      new IdentifierTooLong(),
      new PreferRobustStatements(),
      new PreferJsonb(),
      new PreferTextOverChar(),
      new PreferTimestamptz(),
      new PreferBigintPrimaryKey());

  private Rules() {}

  public static List<Rule> all() {
    return ALL;
  }
}
