package dev.flywayzdm.config;

import org.flywaydb.core.Flyway;
import org.flywaydb.core.internal.configuration.ConfigUtils;

/**
 * Run in a child JVM with FLYWAY_ZDM_* variables set: prints what each of Flyway's environment
 * paths bound, one {@code path: result} line each.
 */
public final class EnvironmentBindingMain {

  private EnvironmentBindingMain() {}

  public static void main(String[] args) {
    try {
      ZdmSettings settings = ZdmSettings.of(
          ZdmProperties.configure(Flyway.configure(), ConfigUtils.environmentVariablesToPropertyMap()));
      System.out.println("properties: lockTimeout=" + settings.lockTimeout() + " soak=" + settings.soak());
    } catch (RuntimeException e) {
      System.out.println("properties: failed " + e.getMessage());
    }
    try {
      ZdmSettings settings = ZdmSettings.of(Flyway.configure().envVars());
      System.out.println("envVars: lockTimeout=" + settings.lockTimeout() + " soak=" + settings.soak());
    } catch (RuntimeException e) {
      System.out.println("envVars: failed " + e.getMessage().lines().findFirst().orElse(""));
    }
  }
}
