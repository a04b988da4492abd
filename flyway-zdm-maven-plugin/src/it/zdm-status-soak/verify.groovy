String log = new File(basedir, 'build.log').text

assert log.contains('zdm:status of jdbc:postgresql://')
assert log.find(/Version\s+Description\s+Kind\s+State\s+Installed on\s+Lint\s+Contract gate/)
assert log.find(/1\s+create orders\s+expand\s+Success\s+\d{4}-\d\d-\d\d \d\d:\d\d:\d\d\s+0/)
assert log.find(/2\s+add note\s+expand\s+Success/)
assert log.find(/3\s+drop legacy note\s+contract\s+Pending\s+0\s+blocked by soak: may run from \d{4}-\d\d-\d\d \d\d:\d\d:\d\d \S+ \(expand 2, 23h 5\dm to go\)/) :
    'the pending contract, its expand and when the default soak of 24h lets it run'
assert !log.contains('Flyway Schema Creation') : 'the schema marker is not a migration'
assert log.contains('contract V3__drop_legacy_note must wait: expand migration 2 (V2__add_note.sql)')
assert log.contains('BUILD SUCCESS')
