// A reporting transaction outside the build holds ACCESS SHARE on the table V1 alters. A thread of
// this (Maven's) JVM watches the lock queue and commits it once the callback has made three lock
// attempts, so the build's outcome does not depend on how long Maven takes to start.
def db = new GroovyClassLoader(getClass().classLoader).parseClass(new File(itSupport))
db.dropSchemas('it_flyway_held_lock')
def setup = db.connect()
try {
  setup.createStatement().execute('CREATE SCHEMA it_flyway_held_lock; CREATE TABLE it_flyway_held_lock.orders (id bigserial PRIMARY KEY)')
} finally {
  setup.close()
}

def blocker = db.connect()
blocker.autoCommit = false
def statement = blocker.createStatement()
statement.execute("SET application_name = 'nightly-report'")
statement.execute('SELECT count(*) FROM it_flyway_held_lock.orders')
def pidRow = statement.executeQuery('SELECT pg_backend_pid()')
pidRow.next()
int pid = pidRow.getInt(1)
File report = new File(basedir, 'held-lock.txt')
report.text = "pid=$pid\n"

Thread.start('it-held-lock') {
  def watcher = db.connect()
  try {
    long deadline = System.nanoTime() + 150_000_000_000L // bounded: a build that never asks lets go after 2.5 min
    int attemptsSeen = 0
    boolean waiting = false
    while (attemptsSeen < 3 && System.nanoTime() < deadline) {
      def rows = watcher.createStatement().executeQuery("""SELECT count(*) FROM pg_locks
          WHERE relation = to_regclass('it_flyway_held_lock.orders') AND NOT granted AND mode = 'AccessExclusiveLock'""")
      rows.next()
      boolean now = rows.getLong(1) > 0
      if (now && !waiting) {
        attemptsSeen++
      }
      waiting = now
      Thread.sleep(5)
    }
    blocker.commit()
    report << "released after ${attemptsSeen} attempts seen\n"
  } finally {
    blocker.close()
    watcher.close()
  }
}
// The invoker runs the build only when the pre-build script returns true (a Thread would read as false).
return true
