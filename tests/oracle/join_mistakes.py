# Help desk: common join mistakes caught (ON clause with a relationship, ambiguous FKs, missing select_from) and fixes.
class Agent(db.Model):
    id = db.Column(db.Integer, primary_key=True)
    name = db.Column(db.String(20))


class Ticket(db.Model):
    id = db.Column(db.Integer, primary_key=True)
    subject = db.Column(db.String(40))
    opened_by_id = db.Column(db.Integer, db.ForeignKey('agent.id'))
    assigned_to_id = db.Column(db.Integer, db.ForeignKey('agent.id'))
    opened_by = db.relationship('Agent', foreign_keys=[opened_by_id])
    assigned_to = db.relationship('Agent', foreign_keys=[assigned_to_id])

    def __repr__(self):
        return f'#{self.id} {self.subject}'


db.create_all()
kim, lee = Agent(name='Kim'), Agent(name='Lee')
db.session.add_all([Ticket(subject='Printer', opened_by=kim, assigned_to=lee),
                    Ticket(subject='Wifi', opened_by=lee, assigned_to=lee),
                    Ticket(subject='Mouse', opened_by=kim)])
db.session.commit()


def attempt(label, make):
    try:
        print(label, make())
    except Exception as e:
        print(label, type(e).__name__, '-', str(e).split('.')[0][:90])


attempt('plain join:', lambda: Ticket.query.join(Agent).all())
attempt('rel + on:', lambda: Ticket.query.join(Ticket.assigned_to, Agent.id == Ticket.assigned_to_id).all())
attempt('explicit on:', lambda: Ticket.query.join(Agent, Agent.id == Ticket.assigned_to_id)
        .filter(Agent.name == 'Lee').order_by(Ticket.id).all())
attempt('relationship:', lambda: Ticket.query.join(Ticket.opened_by).filter(Agent.name == 'Kim').order_by(Ticket.id).all())
Opener, Assignee = db.aliased(Agent), db.aliased(Agent)
attempt('both sides:', lambda: db.session.query(Ticket.subject, Opener.name, Assignee.name)
        .join(Opener, Ticket.opened_by).outerjoin(Assignee, Ticket.assigned_to).order_by(Ticket.id).all())
attempt('self-assigned:', lambda: Ticket.query.filter(Ticket.opened_by_id == Ticket.assigned_to_id).all())
attempt('no from:', lambda: db.session.query(Agent.name).join(Ticket.assigned_to).all())
attempt('select_from:', lambda: db.session.query(Agent.name).select_from(Ticket).join(Ticket.assigned_to)
        .distinct().all())
attempt('2.0 style:', lambda: db.session.scalars(select(Ticket).join(Ticket.assigned_to)
                                               .where(Agent.name == 'Lee').order_by(Ticket.subject)).all())
attempt('2.0 + on:', lambda: db.session.scalars(select(Ticket).join(Ticket.opened_by, Agent.name == 'Kim')).all())
