# Bulk UPDATE by primary key (update(Model) with parameter sets, bulk_update_mappings):
# columns with a Python onupdate= that a row does not set get it, the context seeing the row.
def slugify(ctx):
    return ctx.get_current_parameters()['title'].lower().replace(' ', '-')
class Page(db.Model):
    id = db.Column(db.Integer, primary_key=True)
    title = db.Column(db.String(20))
    slug = db.Column(db.String(20), default='', onupdate=slugify)
    revision = db.Column(db.Integer, default=1, onupdate=2)
db.create_all()
db.session.add_all([Page(title='Home'), Page(title='About Us'), Page(title='Contact')]); db.session.commit()
db.session.execute(db.update(Page), [{'id': 1, 'title': 'Home Page'}, {'id': 2, 'title': 'About Me'}])
db.session.bulk_update_mappings(Page, [{'id': 3, 'title': 'Get In Touch', 'revision': 7}])
for row in db.session.execute(text('SELECT id, title, slug, revision FROM page ORDER BY id')):
    print(row)
