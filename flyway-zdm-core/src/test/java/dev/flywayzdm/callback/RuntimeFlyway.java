package dev.flywayzdm.callback;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import org.flywaydb.core.Flyway;

/** The Flyway the tests run on: the core's surefire swaps the jars for -Dflyway.version. */
final class RuntimeFlyway {

  private RuntimeFlyway() {}

  static String version() {
    try (InputStream in = Flyway.class.getResourceAsStream("/org/flywaydb/core/internal/version.txt")) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8).trim();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** 11.13 added {@code CallbackEvent} and made {@code Callback extends GenericCallback<Event>}. */
  static boolean hasCallbackEvent() {
    String[] parts = version().split("\\.");
    int major = Integer.parseInt(parts[0]);
    int minor = Integer.parseInt(parts[1]);
    return major > 11 || (major == 11 && minor >= 13);
  }
}
