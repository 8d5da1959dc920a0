# db.text(...) as default=/onupdate= (rendered inline), SQL function onupdate with a bound
# value, default/onupdate callables taking the execution context
def make_slug(context):
    return context.get_current_parameters()['title'].lower().replace(' ', '-')


def stamp(context, suffix='!'):
    return context.current_parameters['title'] + suffix


class Page(db.Model):
    id = db.Column(db.Integer, primary_key=True)
    title = db.Column(db.String(20))
    n = db.Column(db.Integer, default=db.text('6 * 7'))
    revision = db.Column(db.Integer, default=1, onupdate=db.text('revision + 1'))
    edits = db.Column(db.Integer, default=0, onupdate=func.abs(-5))
    slug = db.Column(db.String(40), default=make_slug)
    note = db.Column(db.String(40), default=lambda: 'plain', onupdate=stamp)


db.create_all()
p = Page(title='Hello World')
db.session.add(p)
db.session.commit()
print(p.n, p.revision, p.edits, p.slug, p.note)
p.title = 'Again'
db.session.commit()
print(p.title, p.revision, p.edits, p.slug, p.note)
p.title = 'Third'
db.session.commit()
print(db.session.execute(text('SELECT title, n, revision, edits, slug, note FROM page')).fetchone())
db.session.add_all([Page(title='A b'), Page(title='C d', n=1)])
db.session.commit()
print([(x.n, x.slug) for x in Page.query.order_by(Page.id)])
