# Untimed setup of O2/O3: the 5 roles and the 100,000 users of workload.md, written by
# SQLite itself (the same rows W1 inserts), then committed so the session starts empty.
db.create_all()
db.session.execute(db.text(
    "INSERT INTO roles (id, name) VALUES (1, 'role1'), (2, 'role2'), (3, 'role3'), (4, 'role4'), (5, 'role5')"))
db.session.execute(db.text(
    "INSERT INTO users (id, username, email, role_id, created_at) "
    "WITH RECURSIVE c(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM c WHERE i < 100000) "
    "SELECT i, 'user' || i, 'user' || i || '@example' || (i % 7) || '.com', 1 + i % 5, "
    "datetime('2020-01-01 00:00:00', '+' || (i * 61) || ' seconds') FROM c"))
db.session.commit()
