package dev.flywayzdm.spring;

import dev.flywayzdm.config.ZdmProperties;
import dev.flywayzdm.internal.settings.SettingKey;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.flywaydb.core.api.configuration.FluentConfiguration;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.core.env.Environment;

/**
 * The {@code flyway.zdm.*} settings of the Spring environment, bound once at start-up with Spring's
 * relaxed names ({@code lock-timeout}, {@code lockTimeout}, {@code FLYWAY_ZDM_LOCK_TIMEOUT}), one key per
 * row of the core's settings table, so the starter accepts exactly the keys the core does. The values
 * stay text: the core parses and checks them (its messages name the key and what is accepted).
 *
 * <p>{@code flyway.zdm.boot.*} are the starter's own keys. Unless the application sets
 * {@code spring.flyway.postgresql.transactional-lock}, Flyway's session lock is chosen: Flyway's default
 * transactional lock keeps a transaction open for the whole run, and {@code CREATE INDEX CONCURRENTLY}
 * waits for it forever.
 */
final class ZdmEnvironmentSettings {

  static final String PREFIX = "flyway.zdm";
  private static final String BOOT = "boot.";
  /** The starter's own keys under {@code flyway.zdm.boot.}, as {@link #bare} writes them. */
  private static final Set<String> BOOT_KEYS = Set.of("soakingcontracts", "applydeferredevery", "enabled");
  private static final String TRANSACTIONAL_LOCK = "spring.flyway.postgresql.transactional-lock";

  private final Map<String, String> flywayKeys;
  private final SoakingContracts soakingContracts;
  private final String applyDeferredEvery;
  private final boolean transactionalLockSet;

  private ZdmEnvironmentSettings(Map<String, String> flywayKeys, SoakingContracts soakingContracts,
      String applyDeferredEvery, boolean transactionalLockSet) {
    this.flywayKeys = flywayKeys;
    this.soakingContracts = soakingContracts;
    this.applyDeferredEvery = applyDeferredEvery;
    this.transactionalLockSet = transactionalLockSet;
  }

  /**
   * Binds and checks the environment's {@code flyway.zdm.*} entries.
   *
   * @throws IllegalArgumentException for a key that names no setting (listing the accepted ones)
   */
  static ZdmEnvironmentSettings bind(Environment environment) {
    Binder binder = Binder.get(environment);
    Map<String, String> all = binder.bind(PREFIX, Bindable.mapOf(String.class, String.class)).orElse(Map.of());
    all.forEach((key, value) -> {
      if (key.startsWith(BOOT) ? !BOOT_KEYS.contains(bare(key.substring(BOOT.length())))
          : SettingKey.named(matching(key)).isEmpty()) {
        throw new IllegalArgumentException(SettingKey.unknown(key, value).getMessage() + "; the starter's own keys are "
            + PREFIX + "." + BOOT + "soaking-contracts, " + DeferredMigrationCheck.KEY + " and " + PREFIX + "." + BOOT
            + "enabled");
      }
    });
    Map<String, String> flywayKeys = new LinkedHashMap<>();
    for (SettingKey setting : SettingKey.values()) {
      binder.bind(PREFIX + "." + kebabCase(setting.key()), String.class)
          .ifBound(value -> flywayKeys.put(setting.qualified(), value));
    }
    SoakingContracts mode = SoakingContracts.parse(
        binder.bind(SoakingContracts.KEY, String.class).orElse(null));
    String every = binder.bind(DeferredMigrationCheck.KEY, String.class).orElse(null);
    DeferredMigrationCheck.parse(every); // a bad duration fails here, at binding, naming the key
    boolean lockSet = binder.bind(TRANSACTIONAL_LOCK, String.class).isBound();
    return new ZdmEnvironmentSettings(flywayKeys, mode, every, lockSet);
  }

  /** The Flyway customizer's work: flyway-zdm's settings, and the session lock unless the application chose. */
  void applyTo(FluentConfiguration configuration) {
    Map<String, String> properties = new LinkedHashMap<>(flywayKeys);
    if (!transactionalLockSet) {
      properties.put("flyway.postgresql.transactional.lock", "false");
    }
    ZdmProperties.configure(configuration, properties);
  }

  SoakingContracts soakingContracts() {
    return soakingContracts;
  }

  /** A new (idle) background check of {@code flyway.zdm.boot.apply-deferred-every}. */
  DeferredMigrationCheck deferredMigrationCheck() {
    return DeferredMigrationCheck.parse(applyDeferredEvery);
  }

  /** {@code lockTimeout} -> {@code lock-timeout}: the canonical form of Spring's property names. */
  static String kebabCase(String camel) {
    return camel.replaceAll("([a-z0-9])([A-Z])", "$1-$2").toLowerCase(Locale.ROOT);
  }

  /**
   * The settings-table name a bound map key stands for: map keys keep the form they were written in
   * ({@code lock-timeout}, {@code lockTimeout}, or {@code locktimeout} from an environment variable).
   */
  private static String matching(String key) {
    String bare = bare(key);
    Optional<SettingKey> row = Arrays.stream(SettingKey.values())
        .filter(setting -> setting.key().toLowerCase(Locale.ROOT).equals(bare)).findFirst();
    return row.map(SettingKey::key).orElse(key);
  }

  /** A name without separators or case: how every relaxed form of one key compares equal. */
  private static String bare(String key) {
    return key.replaceAll("[-_.]", "").toLowerCase(Locale.ROOT);
  }
}
