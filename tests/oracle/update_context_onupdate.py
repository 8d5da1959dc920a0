# A context-sensitive onupdate= in a criteria UPDATE (update(Model).where().values() and
# Query.update()) sees the values the statement sets.
def slugify(ctx):
    return ctx.get_current_parameters()['title'].lower().replace(' ', '-')
class Page(db.Model):
    id = db.Column(db.Integer, primary_key=True)
    title = db.Column(db.String(20))
    slug = db.Column(db.String(20), default=slugify, onupdate=slugify)
db.create_all()
db.session.add_all([Page(title='Hello World'), Page(title='Second Page')]); db.session.commit()
db.session.execute(db.update(Page).where(Page.id == 1).values(title='Zed Q'))
Page.query.filter_by(id=2).update({'title': 'Page Two'})
db.session.commit()
print(db.session.execute(text('SELECT * FROM page ORDER BY id')).all())
print([(p.title, p.slug) for p in Page.query.order_by(Page.id)])
