def db = new GroovyClassLoader(getClass().classLoader).parseClass(new File(itSupport))
String log = new File(basedir, 'build.log').text

assert log.contains('flyway-maven-plugin:' + flywayPluginVersion + ':migrate (default-cli) @ flyway-plugin-migrate')
assert log.contains('V1__create_orders: lock_timeout 1500ms') : 'the callback, registered through <callbacks>, sets flyway.zdm.lockTimeout'
assert log.contains('V2__add_note: lock_timeout 1500ms')
assert log.contains('V4__seed_orders: lock_timeout 1500ms') : 'the classpath: location of the README snippet finds the Java migration'
assert !log.contains('transactional lock (flyway.postgresql.transactional.lock=true') :
    'the pom property <flyway.postgresql.transactional.lock>false</...> reaches Flyway: no refusal'
assert log.contains('BUILD SUCCESS')
assert db.queryLong("SELECT count(*) FROM it_flyway_migrate.flyway_schema_history WHERE version IN ('1', '2', '3', '4') AND success") == 4
assert db.queryLong("SELECT count(*) FROM it_flyway_migrate.orders WHERE note = 'seeded by a Java migration'") == 1
assert db.queryLong("""SELECT count(*) FROM pg_index WHERE indexrelid = to_regclass('it_flyway_migrate.orders_note_idx')
    AND indisvalid""") == 1 : 'V3 built its index concurrently under the session lock'
