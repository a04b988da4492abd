def db = new GroovyClassLoader(getClass().classLoader).parseClass(new File(itSupport))
String log = new File(basedir, 'build.log').text

assert log.contains("using Flyway's transactional advisory lock (postgresql.transactional.lock=true): from the project's"
    + " flyway.postgresql.transactional.lock") : 'the pom property wins over the goal default, and the log says so'
assert log.contains('V2__index_orders_customer builds an index or validates a constraint without a transaction') :
    'the callback refuses the run and names the migration'
assert log.contains('-Dzdm.transactionalLock=false') : 'the refusal says how to fix it for zdm:migrate'
assert log.contains('BUILD FAILURE')

assert db.queryLong("SELECT count(*) FROM it_zdm_transactional_lock.flyway_schema_history WHERE version IN ('1', '2')") == 0 :
    'refused before any migration ran'
