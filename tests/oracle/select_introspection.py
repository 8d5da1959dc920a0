# Select introspection: selected_columns (keys, iteration, indexing, by attribute),
# whereclause; from_statement() of text().columns(...).
class Ticket(db.Model):
    id = db.Column(db.Integer, primary_key=True)
    title = db.Column(db.String(30))
    status = db.Column(db.String(10))
    points = db.Column(db.Integer)

    def __repr__(self):
        return f'<Ticket {self.title}>'


db.create_all()
db.session.add_all([Ticket(title='a', status='open', points=3), Ticket(title='b', status='done', points=8)])
db.session.commit()
base = db.select(Ticket)
cols = db.select(Ticket.title, db.func.sum(Ticket.points).label('total'))
print([c.name for c in base.selected_columns], len(list(base.selected_columns)), base.selected_columns.keys())
print(cols.selected_columns.keys(), cols.selected_columns.total.name, cols.selected_columns[0].name, 'title' in cols.selected_columns)
print(base.whereclause, base.where(Ticket.points > 2).whereclause)
print(base.where(Ticket.points > 2, Ticket.status == 'open').whereclause)
big = base.where(Ticket.points >= 5)
print(db.session.scalars(big).all(), [c.key for c in big.selected_columns])
t = db.text('SELECT id, title, status, points FROM ticket ORDER BY points DESC').columns(Ticket.id, Ticket.title, Ticket.status, Ticket.points)
print(db.session.scalars(db.select(Ticket).from_statement(t)).all())
