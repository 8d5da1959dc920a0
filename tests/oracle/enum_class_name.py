import enum
class Kind(enum.Enum):
    BUG = 'bug'
    FEATURE_REQUEST = 'feature'
class Issue(db.Model):
    id = db.Column(db.Integer, primary_key=True)
    kind = db.Column(db.Enum(Kind, name='issue_kind'))
    kind2 = db.Column(db.Enum(Kind, values_callable=lambda e: [m.value for m in e], name='k2'))
    kind3 = db.Column(db.Enum('a', 'b', name='ab'))
for c in Issue.__table__.c:
    print(c.name, repr(c.type), c.type.name if hasattr(c.type, 'name') else '')
print(db.Enum(Kind, name='x').name, db.Enum(Kind).name)
db.create_all()
print(db.session.execute(db.text("SELECT sql FROM sqlite_master WHERE name = 'issue'")).scalar())
db.session.commit()
i = Issue.query.first()
print(Issue.query.filter(Issue.kind2 == Kind.FEATURE_REQUEST).count())
