def db = new GroovyClassLoader(getClass().classLoader).parseClass(new File(itSupport))
String log = new File(basedir, 'build.log').text

assert log.contains("using Flyway's session advisory lock (postgresql.transactional.lock=false): zdm:migrate's default") :
    'zdm:migrate says which lock it takes and why'
assert log.count("using Flyway's session advisory lock") == 1 : 'said once'
assert log.contains('zdm:migrate: applied 3 migrations')
assert !log.contains('transactional lock (flyway.postgresql.transactional.lock=true') : 'no refusal'
assert log.contains('BUILD SUCCESS')

assert db.queryLong("SELECT count(*) FROM it_zdm_session_lock.flyway_schema_history WHERE version IN ('1', '2', '3') AND success") == 3
for (String index : ['orders_customer_idx', 'orders_created_at_idx']) {
  assert db.queryLong("""SELECT count(*) FROM pg_index WHERE indexrelid = to_regclass('it_zdm_session_lock.$index')
      AND indisvalid""") == 1 : "$index was built, and is valid"
}
