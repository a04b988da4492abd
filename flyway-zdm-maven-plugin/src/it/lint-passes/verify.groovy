String log = new File(basedir, 'build.log').text
assert log.contains('lint (default) @ lint-passes') : 'zdm:lint did not run in the verify phase'
assert log.contains('zdm:lint: no findings in 2 files')
assert log.contains('BUILD SUCCESS')

String sarif = new File(basedir, 'target/zdm/lint.sarif').text
assert sarif.contains('"version": "2.1.0"')
assert !sarif.contains('"ruleId"') : 'the SARIF report of a clean lint has no results'
assert new File(basedir, 'target/zdm/lint.json').isFile()
