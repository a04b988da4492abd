// A repository whose ref 'base' holds the first migration; the second is committed after it, the
// repeatable is not committed at all (both are new against base).
def git = { String... args ->
  def process = (['git', '-C', basedir.absolutePath] + args.toList()).execute()
  def out = new StringBuilder(), err = new StringBuilder()
  process.waitForProcessOutput(out, err)
  assert process.exitValue() == 0 : "git ${args.join(' ')} failed: $err"
}
String dir = 'src/main/resources/db/migration/'
File later = new File(basedir, dir + '20240601000000__index_orders.sql')
File view = new File(basedir, dir + 'R__order_totals.sql')
String laterText = later.text, viewText = view.text
later.delete()
view.delete()
git('init', '-q')
git('config', 'user.email', 'it@flywayzdm.dev')
git('config', 'user.name', 'it')
git('add', '-A')
git('commit', '-q', '-m', 'first migration')
git('tag', 'base')
later.text = laterText
git('add', '-A')
git('commit', '-q', '-m', 'index orders')
view.text = viewText
true // the hook must return true, or invoker skips the build
