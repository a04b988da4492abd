package dev.flywayzdm.sample.demo;

/** What an application operation did to the database: the three series of the latency chart. */
enum OpKind {
  READ,
  INSERT,
  UPDATE;

  String label() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }
}
