/**
 * How flyway-zdm logs: through Flyway's own log, so its lines appear wherever Flyway's do (the Flyway
 * command line, the Maven plugins' output, Spring Boot's logging). Not API.
 */
package dev.flywayzdm.internal.logging;
