# Core statements (a plain table's select / delete / update, func.count() over it) run
# without the session's autoflush; any mapped class or attribute in them makes them ORM
# statements, which autoflush first.
from sqlalchemy import insert, delete, update, exists
tags = db.Table('tags',
    db.Column('tag_id', db.Integer, db.ForeignKey('tag.id'), primary_key=True),
    db.Column('page_id', db.Integer, db.ForeignKey('page.id'), primary_key=True))
class Page(db.Model):
    id = db.Column(db.Integer, primary_key=True)
    title = db.Column(db.String(20))
    tags = db.relationship('Tag', secondary=tags, backref='pages')
class Tag(db.Model):
    id = db.Column(db.Integer, primary_key=True)
    name = db.Column(db.String(20))
db.create_all()
def fresh(n):
    p = Page(title='p%d' % n)
    p.tags.append(Tag(name='t%d' % n))
    db.session.add(p)
fresh(1)
print('a', db.session.execute(db.select(tags).where(tags.c.page_id == 1)).all())
print('b', db.session.execute(db.select(tags).where(tags.c.page_id == Page.id)).all())
db.session.rollback(); fresh(2)
print('c', db.session.execute(db.select(tags).join(Page)).all())
db.session.rollback(); fresh(3)
print('d', db.session.execute(db.select(tags).select_from(Page)).all())
db.session.rollback(); fresh(4)
print('e', db.session.execute(db.select(tags.c.tag_id).order_by(tags.c.page_id)).all())
print('f', db.session.execute(db.select(func.count()).select_from(tags)).scalar())
print('g', db.session.scalar(db.select(func.count(tags.c.tag_id))))
print('i', db.session.execute(db.select(Page.__table__)).all())
print('i2', db.session.execute(db.select(Page.__table__.c.title)).all())
print('j', db.session.execute(delete(tags).where(tags.c.tag_id == 1)).rowcount)
print('k', db.session.execute(tags.delete()).rowcount)
print('l', db.session.execute(update(tags).values(tag_id=3)).rowcount)
print('l2', len(db.session.new))
db.session.rollback(); fresh(7)
sq = db.select(tags.c.page_id).subquery()
print('n', db.session.execute(db.select(sq.c.page_id)).all())
db.session.rollback(); fresh(8)
print('o', db.session.execute(db.select(tags).where(tags.c.page_id.in_(db.select(Page.id)))).all())
db.session.rollback(); fresh(9)
print('p', db.session.execute(db.select(exists().where(tags.c.page_id == 1))).scalar())
print('r', db.session.execute(db.select(tags).filter_by(page_id=1)).all())
print('s', db.session.execute(db.select(db.literal(1))).all())
print('t', db.session.execute(insert(tags).values(tag_id=9, page_id=9)).rowcount)
print('u', db.session.execute(db.select(tags)).all())
print('v', db.session.execute(db.select(Page.id, tags.c.tag_id)).all())
print('w', db.session.execute(db.select(tags)).all())
