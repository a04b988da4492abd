package dev.flywayzdm.maven;

import java.util.List;

/** The connection parameters as given to a goal; null or empty where the user set nothing. */
record ConnectionParameters(String url, String user, String password, List<String> schemas, String table) {}
