package dev.flywayzdm.migration;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Declares a Java migration the contract step of an expand migration: it may remove what the
 * expand step made redundant (drop the old column, trigger or table), and the flyway-zdm callback
 * refuses to run it until the expand migration has been live for the soak period.
 *
 * <pre>{@code
 * @Contract(expand = "5", soak = "2h")
 * public class V9__drop_users_name extends DualWriteContractMigration { ... }
 * }</pre>
 *
 * SQL migrations say the same with a header comment: {@code -- zdm:contract expand=5}.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface Contract {

  /** The Flyway version of the expand migration, e.g. {@code "5"} or {@code "2024.06.01.1"}. */
  String expand();

  /** Soak for this contract only ({@code 2h}, {@code 30m}, ISO-8601); empty means {@code flyway.zdm.soak}. */
  String soak() default "";
}
