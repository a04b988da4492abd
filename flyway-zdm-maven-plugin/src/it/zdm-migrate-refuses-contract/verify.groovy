def db = new GroovyClassLoader(getClass().classLoader).parseClass(new File(itSupport))
String log = new File(basedir, 'build.log').text

assert log.contains('V1__create_orders: lock_timeout 1500ms') : 'the callback sets lock_timeout per migration'
assert log.contains('V2__add_note: lock_timeout 1500ms')
assert log.contains('zdm:migrate: applied 2 migrations') : 'the summary counts the expand migrations applied'
assert log.contains('1 blocked contract')
assert log.contains('V3__drop_legacy_note must wait: expand migration 2') : 'the soak gate says why and until when'
assert log.contains('BUILD FAILURE')
assert !log.contains('password=') : 'no password in the log'

assert db.queryLong("SELECT count(*) FROM it_zdm_migrate.flyway_schema_history WHERE version IN ('1', '2') AND success") == 2
assert db.queryLong("SELECT count(*) FROM it_zdm_migrate.flyway_schema_history WHERE version = '3'") == 0
assert db.queryLong("""SELECT count(*) FROM information_schema.columns
    WHERE table_schema = 'it_zdm_migrate' AND table_name = 'orders' AND column_name = 'legacy_note'""") == 1 :
    'the refused contract did not drop the column'
