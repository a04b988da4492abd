def db = new GroovyClassLoader(getClass().classLoader).parseClass(new File(itSupport))
db.dropSchemas('it_lint_history')
String log = new File(basedir, 'build.log').text
String dir = 'src/main/resources/db/migration/'

assert log.contains('zdm:lint: applied migrations from the schema history of jdbc:postgresql://')
assert log.contains("zdm:lint: pending, linted (1): ${dir}V2__index_orders.sql")
assert log.contains("zdm:lint: applied, read as context only (1): ${dir}V1__create_orders.sql")
assert log.contains("[ERROR] ${dir}V2__index_orders.sql:2:1 require-concurrent-index-creation CREATE INDEX orders_created_at_idx on existing table orders") :
    'orders was created by an applied migration: it holds rows, so the plain index is reported'
assert !log.contains("${dir}V1__create_orders.sql:") : 'an applied migration is never a source of findings'
assert log.contains('zdm:lint: 1 error, 1 warning in 1 file')
assert log.contains('BUILD SUCCESS')
