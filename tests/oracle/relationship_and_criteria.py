class Member(db.Model):
    id = db.Column(db.Integer, primary_key=True)
    name = db.Column(db.String(20))
    loans = db.relationship('Loan', backref='member')
    groups = db.relationship('Group', secondary='membership', backref='members')


class Loan(db.Model):
    id = db.Column(db.Integer, primary_key=True)
    done = db.Column(db.Boolean, default=False)
    days = db.Column(db.Integer, default=7)
    member_id = db.Column(db.Integer, db.ForeignKey('member.id'))


class Group(db.Model):
    id = db.Column(db.Integer, primary_key=True)
    name = db.Column(db.String(20))


membership = db.Table('membership',
                      db.Column('member_id', db.Integer, db.ForeignKey('member.id'), primary_key=True),
                      db.Column('group_id', db.Integer, db.ForeignKey('group.id'), primary_key=True))

db.create_all()
db.session.add_all([Member(name='a', groups=[Group(name='x'), Group(name='y')]), Member(name='b')])
db.session.commit()
db.session.add_all([Loan(member_id=1), Loan(member_id=1, done=True), Loan(member_id=1, days=30), Loan(member_id=2, done=True)])
db.session.commit()
print(db.session.execute(select(Member.name, func.count(Loan.id)).outerjoin(Member.loans.and_(Loan.done == False))
                         .group_by(Member.id).order_by(Member.id)).all())
print(db.session.execute(select(Member.name, Loan.days).join(Member.loans.and_(Loan.done == False, Loan.days > 10))).all())
print(db.session.query(Member.name, Group.name).join(Member.groups.and_(Group.name != 'x')).all())
print(Member.query.join(Member.loans.and_(Loan.done == True)).order_by(Member.id).all())
