package dev.flywayzdm.internal.backfill.throttle;

import java.sql.SQLException;
import java.util.Optional;

/** One reason a backfill's next batch may have to wait, asked again and again while it waits. */
interface Hold {

  /** Why the next batch must wait now (naming who it waits for), or empty when it need not. */
  Optional<String> reason() throws SQLException;
}
