package dev.flywayzdm.config;

import org.flywaydb.core.api.configuration.Configuration;

/** Finds the {@code flyway.zdm.*} settings of a Flyway configuration: {@link ZdmSettings#of}, kept until its callers move. */
public final class ProjectSettings {

  private ProjectSettings() {}

  /**
   * The settings configured for this Flyway run, or the defaults when the flyway-zdm extension is
   * not among Flyway's plugins (e.g. the jar is not beside flyway-core).
   */
  public static ZdmSettings of(Configuration configuration) {
    return ZdmSettings.of(configuration);
  }
}
