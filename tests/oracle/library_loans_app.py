from datetime import date, timedelta
from sqlalchemy import func, case


class Member(db.Model):
    __tablename__ = 'members'
    id = db.Column(db.Integer, primary_key=True)
    name = db.Column(db.String(60), nullable=False)
    joined = db.Column(db.Date, default=date(2024, 1, 1))
    loans = db.relationship('Loan', back_populates='member', lazy='select')

    @property
    def active_loans(self):
        return [l for l in self.loans if l.returned is None]

    def __repr__(self):
        return f'Member({self.name})'


class Book(db.Model):
    __tablename__ = 'books'
    id = db.Column(db.Integer, primary_key=True)
    isbn = db.Column(db.String(13), unique=True, nullable=False)
    title = db.Column(db.String(120), nullable=False)
    copies = db.Column(db.Integer, nullable=False, default=1)
    loans = db.relationship('Loan', back_populates='book')

    def available(self):
        return self.copies - sum(1 for l in self.loans if l.returned is None)


class Loan(db.Model):
    __tablename__ = 'loans'
    id = db.Column(db.Integer, primary_key=True)
    member_id = db.Column(db.Integer, db.ForeignKey('members.id', ondelete='CASCADE'), nullable=False)
    book_id = db.Column(db.Integer, db.ForeignKey('books.id'), nullable=False)
    out = db.Column(db.Date, nullable=False)
    due = db.Column(db.Date)
    returned = db.Column(db.Date)
    member = db.relationship('Member', back_populates='loans')
    book = db.relationship('Book', back_populates='loans')

    def __init__(self, **kw):
        super().__init__(**kw)
        if self.due is None:
            self.due = self.out + timedelta(days=14)


db.create_all()
m1, m2 = Member(name='Ana'), Member(name='Ben', joined=date(2024, 3, 5))
b1 = Book(isbn='9780132350884', title='Clean Code', copies=2)
b2 = Book(isbn='9780201616224', title='Pragmatic Programmer')
db.session.add_all([m1, m2, b1, b2])
db.session.flush()
db.session.add_all([Loan(member=m1, book=b1, out=date(2024, 4, 1)), Loan(member=m2, book=b1, out=date(2024, 4, 3)),
                    Loan(member=m1, book=b2, out=date(2024, 4, 10), returned=date(2024, 4, 20))])
db.session.commit()
print([(l.book.title, l.due.isoformat()) for l in m1.loans], m1.active_loans)
print(b1.available(), b2.available(), [b.title for b in Book.query.order_by(Book.title)])
overdue = Loan.query.filter(Loan.returned.is_(None), Loan.due < date(2024, 4, 16)).all()
print([(l.member.name, l.book.isbn[-4:]) for l in overdue])
status = case((Loan.returned.isnot(None), 'returned'), (Loan.due < date(2024, 4, 16), 'overdue'), else_='out')
print(db.session.query(Loan.id, status.label('status')).order_by(Loan.id).all())
print(db.session.query(Member.name, func.count(Loan.id).label('n')).join(Member.loans).group_by(Member.id).order_by(func.count(Loan.id).desc()).all())
print(db.session.query(func.min(Loan.out), func.max(Loan.due)).one())
print(db.session.query(Book.title).filter(~Book.loans.any(Loan.returned.is_(None))).all())
q = Member.query.filter(Member.joined >= date(2024, 2, 1))
print(q.count(), q.first(), str(q.statement.compile(compile_kwargs={'literal_binds': True})).split('WHERE')[1].strip())
loan = Loan.query.get(2)
loan.returned = date(2024, 4, 12)
db.session.commit()
print(b1.available(), Loan.query.filter(Loan.returned.isnot(None)).count())
db.session.delete(m2)
db.session.commit()
print(Loan.query.count(), Member.query.count(), [l.member_id for l in Loan.query.order_by(Loan.id)])
print(db.session.query(Loan.out, Loan.due).order_by(Loan.out.desc()).first(), date.today() > date(2020, 1, 1))
print(f"{b1.title:<25}|{b1.copies:>3}|", '{:%Y/%m/%d}'.format(m1.joined), m1.joined.replace(day=15))
