String log = new File(basedir, 'build.log').text
String dir = 'src/main/resources/db/migration/'

assert log.contains('zdm:lint: files new or changed against git base are pending (zdm.since)')
assert log.contains("zdm:lint: pending, linted (2): ${dir}20240601000000__index_orders.sql, ${dir}R__order_totals.sql")
assert log.contains("zdm:lint: applied, read as context only (1): ${dir}20240101000000__create_orders.sql")
assert log.contains("[ERROR] ${dir}20240601000000__index_orders.sql:2:1 require-concurrent-index-creation CREATE INDEX orders_created_at_idx on existing table orders") :
    'the placeholder is replaced and orders, from a file unchanged since base, holds rows'
assert log.contains('zdm:lint: 1 error, 1 warning in 2 files')
assert log.contains('BUILD SUCCESS')
