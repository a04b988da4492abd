String log = new File(basedir, 'build.log').text
assert log.contains('zdm:lint skipped (zdm.skip=true)')
assert !new File(basedir, 'target/zdm/lint.sarif').exists()
