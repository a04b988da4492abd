/**
 * The Spring Boot starter: auto-configuration of flyway-zdm for Spring Boot 3.5 and 4.0. Adding the
 * jar is all a service does; {@link dev.flywayzdm.spring.ZdmAutoConfiguration} registers the callback,
 * binds {@code flyway.zdm.*}, installs the retrying migration strategy (unless the application has its
 * own) and defers contracts still in their soak. With Actuator on the class path,
 * {@code /actuator/zdm} and the {@code zdm} health contributor report soak gates and backfills.
 *
 * <p>Only {@code ZdmAutoConfiguration} is public (to name it in {@code exclude}); everything else is
 * package-private. The Spring Boot 4 and 3.5 adapters are nested configurations switched on by the
 * classes present, because Spring Boot 4 moved the Flyway auto-configuration and the health API.
 */
package dev.flywayzdm.spring;
