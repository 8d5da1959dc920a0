# Session events: before_commit/after_commit (the Mega-Tutorial's search index),
# before_flush/after_flush, after_rollback, listens_for, attributes set on the session.
from sqlalchemy.exc import IntegrityError

log = []


class Note(db.Model):
    id = db.Column(db.Integer, primary_key=True)
    body = db.Column(db.String(40), unique=True)

    def __repr__(self):
        return f'<Note {self.body}>'


@db.event.listens_for(db.session, 'before_flush')
def before_flush(session, flush_context, instances):
    log.append(('before_flush', sorted(n.body for n in session.new), instances))


@db.event.listens_for(db.session, 'after_flush')
def after_flush(session, flush_context):
    log.append(('after_flush', len(session.new)))


def before_commit(session):
    session._pending = {'add': list(session.new), 'update': list(session.dirty)}
    log.append(('before_commit', len(session._pending['add'])))


def after_commit(session):
    log.append(('after_commit', sorted(o.id for o in session._pending['add'] + session._pending['update'])))
    session._pending = None


db.event.listen(db.session, 'before_commit', before_commit)
db.event.listen(db.session, 'after_commit', after_commit)
db.event.listen(db.session, 'after_rollback', lambda s: log.append(('after_rollback',)))

db.create_all()
db.session.add_all([Note(body='a'), Note(body='b')])
db.session.commit()
print(log)
log.clear()
n = db.session.get(Note, 1)
n.body = 'a2'
db.session.commit()
print(log)
log.clear()
db.session.commit()
print(log)
log.clear()
db.session.add(Note(body='b'))
try:
    db.session.commit()
except IntegrityError as e:
    print(type(e).__name__)
    db.session.rollback()
print(log)
log.clear()
db.session.add(Note(body='c'))
db.session.flush()
print(log, db.session._pending)
db.session.rollback()
print(log[-1], Note.query.count())
