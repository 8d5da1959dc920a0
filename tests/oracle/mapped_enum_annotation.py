import enum
from datetime import datetime as dt, date as d8
from decimal import Decimal as Dec
from typing import Optional
from sqlalchemy.orm import Mapped, mapped_column


class Status(enum.Enum):
    OPEN = 'open'
    IN_PROGRESS = 'in progress'
    CLOSED = 'closed'


class Priority(enum.IntEnum):
    LOW = 1
    HIGH = 2


class Ticket(db.Model):
    id: Mapped[int] = mapped_column(primary_key=True)
    status: Mapped[Status] = mapped_column(default=Status.OPEN)
    priority: Mapped[Optional[Priority]]
    due: Mapped[d8 | None]
    opened: Mapped[dt] = mapped_column(default=dt(2024, 1, 2, 3, 4, 5))
    cost: Mapped[Optional[Dec]]


for c in Ticket.__table__.c:
    print(c.name, repr(c.type), c.nullable)
db.create_all()
print(db.session.execute(db.text("SELECT sql FROM sqlite_master WHERE name = 'ticket'")).scalar())
db.session.add_all([Ticket(), Ticket(status=Status.CLOSED, priority=Priority.HIGH, due=d8(2024, 5, 1), cost=Dec('2.50'))])
db.session.commit()
for t in Ticket.query.order_by(Ticket.id):
    print(t.id, t.status, t.priority, t.due, t.opened, t.cost)
print(db.session.execute(db.text('SELECT status, priority FROM ticket')).all())
print(Ticket.query.filter_by(status=Status.CLOSED).count(), Ticket.query.filter(Ticket.status == Status.OPEN).one().id)
