package dev.flywayzdm.config;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.JsonAutoDetect.Visibility;
import dev.flywayzdm.internal.settings.SettingKey;
import java.lang.reflect.Field;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.flywaydb.core.api.configuration.Configuration;
import org.flywaydb.core.extensibility.ConfigurationExtension;

/**
 * Flyway configuration extension for the {@code flyway.zdm.*} namespace.
 *
 * <p>Registered in {@code META-INF/services/org.flywaydb.core.extensibility.Plugin}; Flyway binds
 * {@code flyway.zdm.<key>} to the bean property of the same name, one per row of the settings table.
 * Values stay text until {@link #toSettings()} parses and validates them all at once, once per
 * configuration.
 *
 * <p>From Java, set values on the instance Flyway registered, or bind a property map without
 * Flyway's Jackson-based binding with {@link ZdmProperties}:
 * <pre>{@code
 * FluentConfiguration configuration = Flyway.configure().dataSource(ds);
 * ZdmConfigurationExtension.in(configuration).apply(ZdmSettings.builder().lockTimeout(Duration.ofSeconds(1)).build());
 * }</pre>
 */
// Flyway binds flyway.conf, flyway.toml, configuration(Map) and the environment with Jackson (2 on Flyway
// 11, 3 on 12 and 13, which reads the same annotations): the fields are the properties, so a key needs no
// getter and setter. Without Jackson at run time the annotation is simply absent.
@JsonAutoDetect(fieldVisibility = Visibility.ANY, getterVisibility = Visibility.NONE,
    isGetterVisibility = Visibility.NONE, setterVisibility = Visibility.NONE, creatorVisibility = Visibility.NONE)
public class ZdmConfigurationExtension implements ConfigurationExtension {

  private String lockTimeout;
  private String statementTimeout;
  private String lockRetries;
  private String lockRetryMinBackoff;
  private String lockRetryMaxBackoff;
  private String lockRetryMaxTotal;
  private String lockAttemptTimeout;
  private String soak;
  private String lint;
  private String maxBlockerAge;
  private String backfillBatchSize;
  private String backfillPause;
  private String backfillLockRetries;
  private String maxReplicaLag;
  private String maxReplicaLagBytes;
  private String backfillThrottleQuery;
  private String backfillMaxWait;
  private String lintDisabledRules;
  private String lintSeverity;
  private String startAfter;

  /**
   * The last text parsed and what it gave: Flyway writes the fields above by reflection (and copies the
   * extension with Jackson), so the settings are re-parsed only when a text differs from the one parsed.
   * Transient: neither Jackson nor a copy of the configuration carries it.
   */
  private transient volatile Parsed parsed;

  private record Parsed(List<String> texts, ZdmSettings settings) {}

  /** Every key of the namespace, as written after {@code flyway.zdm.}, in the order of the settings table. */
  public static final List<String> KEYS = SettingKey.keys();

  /** The key prefix in flyway.conf and property maps. */
  public static final String PREFIX = SettingKey.PREFIX;

  /** The prefix of every flyway-zdm environment variable. */
  public static final String ENVIRONMENT_PREFIX = SettingKey.ENVIRONMENT_PREFIX;

  /**
   * The instance Flyway registered for this configuration (set values on it before {@code load()}).
   *
   * @throws IllegalStateException when flyway-zdm is not among Flyway's plugins: its jar must be
   *     loadable by the class loader of flyway-core
   */
  public static ZdmConfigurationExtension in(Configuration configuration) {
    ZdmConfigurationExtension extension = configuration.getPluginRegister() == null
        ? null : configuration.getPluginRegister().getPlugin(ZdmConfigurationExtension.class);
    if (extension == null) {
      throw new IllegalStateException("flyway-zdm's configuration extension is not registered with Flyway: put the"
          + " flyway-zdm-core jar beside flyway-core (same class loader; for flyway-maven-plugin, a plugin dependency)");
    }
    return extension;
  }

  @Override
  public String getNamespace() {
    return "zdm";
  }

  /**
   * {@code FLYWAY_ZDM_LOCK_TIMEOUT} -> {@code flyway.zdm.lockTimeout}, for every key; null for variables
   * outside the namespace.
   *
   * @throws IllegalArgumentException for a {@code FLYWAY_ZDM_*} variable that names no key (a misspelt
   *     {@code FLYWAY_ZDM_LOCK_TIMOUT}), listing the accepted variables: Flyway would otherwise ignore it
   *     and the run would go ahead with the default the user meant to change, as a misspelt key in
   *     flyway.conf is refused too
   */
  @Override
  public String getConfigurationParameterFromEnvironmentVariable(String environmentVariable) {
    Optional<SettingKey> key = SettingKey.ofEnvironmentVariable(environmentVariable);
    if (key.isPresent()) {
      return key.get().qualified();
    }
    if (environmentVariable != null && environmentVariable.startsWith(ENVIRONMENT_PREFIX)) {
      throw new IllegalArgumentException("unknown environment variable " + environmentVariable + ": accepted"
          + " variables are " + String.join(", ", Arrays.stream(SettingKey.values()).map(SettingKey::environmentVariable)
              .toList()) + " (flyway.zdm." + String.join(", flyway.zdm.", KEYS) + ")");
    }
    return null;
  }

  /** {@code lockTimeout} -> {@code FLYWAY_ZDM_LOCK_TIMEOUT}. */
  public static String environmentVariableOf(String key) {
    return SettingKey.named(key).map(SettingKey::environmentVariable)
        .orElseThrow(() -> SettingKey.unknown(key, ""));
  }

  /** Sets every key from {@code settings} (the Java way to configure, instead of text). */
  public void apply(ZdmSettings settings) {
    for (SettingKey key : SettingKey.values()) {
      String text = settings.text(key);
      field(key, text.isEmpty() ? null : text);
    }
    parsed = new Parsed(texts(), settings);
  }

  /**
   * Sets one key by name ({@code lockTimeout}) as text, as flyway.conf would; it is parsed with the others
   * by {@link #toSettings()}.
   *
   * @throws IllegalArgumentException for a name that is no key, listing the accepted keys
   */
  public void set(String key, String value) {
    field(SettingKey.named(key).orElseThrow(() -> SettingKey.unknown(key, value)), value);
  }

  /** The text set for one key ({@code lockTimeout}), null when unset. */
  public String get(String key) {
    return (String) read(SettingKey.named(key).orElseThrow(() -> SettingKey.unknown(key, "")));
  }

  /**
   * The validated settings these keys describe; unset keys take their defaults. Parsed once: later calls
   * return the same instance until a value changes.
   */
  public ZdmSettings toSettings() {
    List<String> texts = texts();
    Parsed last = parsed;
    if (last != null && last.texts().equals(texts)) {
      return last.settings();
    }
    ZdmSettings.Builder builder = ZdmSettings.builder();
    SettingKey[] keys = SettingKey.values();
    for (int i = 0; i < keys.length; i++) {
      if (texts.get(i) != null) {
        builder.text(keys[i], texts.get(i));
      }
    }
    ZdmSettings settings = builder.build();
    parsed = new Parsed(texts, settings);
    return settings;
  }

  /** The text of every key in table order, null where unset. */
  private List<String> texts() {
    List<String> texts = new ArrayList<>();
    for (SettingKey key : SettingKey.values()) {
      texts.add((String) read(key));
    }
    return texts;
  }

  // Flyway binds flyway.zdm.<key> only to a declared field of that name and writes it by reflection;
  // reading and writing the fields the same way keeps the settings table the one list of keys.
  private Object read(SettingKey key) {
    try {
      return fieldOf(key).get(this);
    } catch (IllegalAccessException e) {
      throw new IllegalStateException(e);
    }
  }

  private void field(SettingKey key, String value) {
    try {
      fieldOf(key).set(this, value);
    } catch (IllegalAccessException e) {
      throw new IllegalStateException(e);
    }
  }

  private static Field fieldOf(SettingKey key) {
    try {
      return ZdmConfigurationExtension.class.getDeclaredField(key.key());
    } catch (NoSuchFieldException e) {
      throw new IllegalStateException("ZdmConfigurationExtension has no field for " + key.qualified()
          + ": Flyway binds a key only to a field of its name", e);
    }
  }
}
