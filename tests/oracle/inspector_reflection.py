class User(db.Model):
    id = db.Column(db.Integer, primary_key=True)
    name = db.Column(db.String(50), nullable=False, server_default='x')
    email = db.Column(db.String(120), unique=True, index=True)
    score = db.Column(db.Numeric(5, 2))
    created = db.Column(db.DateTime)

class Post(db.Model):
    id = db.Column(db.Integer, primary_key=True)
    user_id = db.Column(db.Integer, db.ForeignKey('user.id', ondelete='CASCADE'), nullable=False, index=True)

db.create_all()
db.session.execute(db.text('CREATE TABLE raw_t (a INTEGER PRIMARY KEY, b TEXT DEFAULT (1+2), c BLOB, UNIQUE (b, c))'))
insp = db.inspect(db.engine)
print(insp.get_table_names())
for t in insp.get_table_names():
    print(t, insp.get_columns(t))
    print(insp.get_indexes(t))
    print(insp.get_unique_constraints(t))
    print(insp.get_foreign_keys(t))
    print(insp.get_pk_constraint(t))
print(insp.get_view_names(), insp.get_schema_names())
print(insp.get_check_constraints('user'))
print(repr(insp.get_columns('user')[3]['type']), str(insp.get_columns('user')[4]['type']))
print(db.inspect(db.engine).has_table('post'))
print(db.engine.url, db.engine.dialect.name, db.engine.name)
print(insp.get_sorted_table_and_fkc_names() if False else '')
