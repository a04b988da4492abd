def db = new GroovyClassLoader(getClass().classLoader).parseClass(new File(itSupport))
String log = new File(basedir, 'build.log').text
File heldFile = new File(basedir, 'held-lock.txt')
long deadline = System.nanoTime() + 180_000_000_000L
while (!heldFile.text.contains('released') && System.nanoTime() < deadline) {
  Thread.sleep(100) // the holder thread lets go within 2.5 minutes on every path
}
String held = heldFile.text
String pid = (held =~ /pid=(\d+)/)[0][1]

assert log.contains('BUILD SUCCESS')
assert held.contains('released after 3 attempts seen') : "the blocker saw the callback's attempts: $held"
def attempts = log.readLines().findAll { it.contains('not granted within lock_timeout 100ms') }
assert attempts.size() >= 2 : 'several short attempts, logged in the Maven output'
attempts.each { line ->
  assert line.contains('V1__add_shipped_at: "ALTER TABLE orders ADD COLUMN shipped_at timestamptz": ACCESS EXCLUSIVE on "orders"')
  assert line.contains("in the way: pid $pid (") && line.contains('@nightly-report, idle in transaction') :
      "each attempt names the blocker: $line"
}
assert log.contains('got ACCESS EXCLUSIVE on "orders" after ')
assert db.queryLong("SELECT count(*) FROM it_flyway_held_lock.flyway_schema_history WHERE version = '1' AND success") == 1
assert db.queryLong("""SELECT count(*) FROM information_schema.columns WHERE table_schema = 'it_flyway_held_lock'
    AND column_name = 'shipped_at'""") == 1
