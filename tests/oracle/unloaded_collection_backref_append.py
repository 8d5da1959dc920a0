class Project(db.Model):
    id = db.Column(db.Integer, primary_key=True)
    issues = db.relationship('Issue', backref='project')


class Issue(db.Model):
    id = db.Column(db.Integer, primary_key=True)
    title = db.Column(db.String(10))
    project_id = db.Column(db.Integer, db.ForeignKey('project.id'))

    def __repr__(self):
        return f'<Issue {self.title}>'


db.create_all()
proj = Project()
db.session.add(proj)
db.session.commit()
i1 = Issue(title='a', project=proj)
print(i1 in db.session, proj in db.session.dirty)
print(proj.issues)
print(i1 in db.session, i1.project_id)
db.session.commit()
print(i1 in db.session, i1.project_id, Issue.query.count())
i2 = Issue(title='b', project=proj)
db.session.flush()
print(i2 in db.session, i2.project_id, proj.issues)
