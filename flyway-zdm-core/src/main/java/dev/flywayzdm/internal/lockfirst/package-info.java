/**
 * Taking a SQL statement's table lock before the statement runs, in many short attempts: so a
 * migration behind a long transaction keeps the application's queries waiting only for one short
 * attempt at a time, and names the session in its way on each attempt. Not public API.
 */
package dev.flywayzdm.internal.lockfirst;
