/**
 * PostgreSQL plumbing shared by the migrations, the callback and the plugin: identifier quoting,
 * session and lock inspection. Not public API: users never import this package.
 */
package dev.flywayzdm.internal.pg;
