def db = new GroovyClassLoader(getClass().classLoader).parseClass(new File(itSupport))
String log = new File(basedir, 'build.log').text

assert log.contains('flyway-maven-plugin:' + flywayPluginVersion + ':migrate (default-cli) @ flyway-plugin-migrate')
assert log.contains('V1__create_orders: lock_timeout 1500ms') : 'the callback, registered through <callbacks>, sets flyway.zdm.lockTimeout'
assert log.contains('V2__add_note: lock_timeout 1500ms')
assert log.contains('BUILD SUCCESS')
assert db.queryLong("SELECT count(*) FROM it_flyway_migrate.flyway_schema_history WHERE version IN ('1', '2') AND success") == 2
