# db.one_or_404(): no row or several rows are a 404; any other error (a joined eager
# collection without unique()) stands.
class Company(db.Model):
    id = db.Column(db.Integer, primary_key=True)
    name = db.Column(db.String(30))
    jobs = db.relationship('Job', lazy='joined')


class Job(db.Model):
    id = db.Column(db.Integer, primary_key=True)
    company_id = db.Column(db.Integer, db.ForeignKey('company.id'))


class Tag(db.Model):
    id = db.Column(db.Integer, primary_key=True)
    name = db.Column(db.String(30))


db.create_all()
db.session.add_all([Company(name='Acme', jobs=[Job()]), Tag(name='a'), Tag(name='a')])
db.session.commit()
for stmt in (select(Company).where(Company.name == 'Acme'), select(Tag).where(Tag.name == 'a'),
             select(Tag).where(Tag.name == 'b')):
    try:
        print(db.one_or_404(stmt))
    except Exception as e:
        print(type(e).__name__)
print(db.one_or_404(select(Tag).where(Tag.id == 1)).name)
