class Category(db.Model):
    id = db.Column(db.Integer, primary_key=True)
    name = db.Column(db.String(50), nullable=False)
    parent_id = db.Column(db.Integer, db.ForeignKey('category.id'))
    children = db.relationship('Category', backref=db.backref('parent', remote_side=[id]), order_by='Category.name')

    def __repr__(self):
        return f'<Category {self.name}>'

    @property
    def path(self):
        return (self.parent.path + ' > ' if self.parent else '') + self.name

db.create_all()
root = Category(name='Electronics')
phones = Category(name='Phones', parent=root)
laptops = Category(name='Laptops', parent=root)
android = Category(name='Android', parent=phones)
db.session.add(root)
db.session.commit()
print(root.children)
print(android.path)
print(Category.query.filter(Category.parent_id.is_(None)).all())
print(Category.query.filter(Category.parent.has(name='Phones')).all())
print(Category.query.filter(Category.children.any()).order_by(Category.name).all())
print(db.session.query(Category.name, func.count(Category.id)).group_by(Category.parent_id).order_by(Category.parent_id).all())
c = db.session.get(Category, 2)
print(c, c.parent, c.children)
db.session.delete(android)
db.session.commit()
print(phones.children, Category.query.count())
print(db.inspect(c).persistent, db.inspect(Category(name='x')).transient)
x = Category(name='New')
db.session.add(x)
print(db.inspect(x).pending)
db.session.expunge(x)
print(db.inspect(x).transient, x in db.session)
db.session.refresh(root)
print(root.name, len(root.children))
r = db.session.execute(db.select(Category).where(Category.name.startswith('L'))).scalar_one()
print(r)
try:
    db.session.execute(db.select(Category)).scalar_one()
except Exception as e:
    print(type(e).__name__, e)
try:
    db.session.execute(db.select(Category).where(Category.id == 99)).scalar_one()
except Exception as e:
    print(type(e).__name__, e)
print(db.session.execute(db.select(Category).where(Category.id == 99)).scalar_one_or_none())
print(Category.query.filter_by(name='Phones').one_or_none())
try:
    Category.query.one_or_none()
except Exception as e:
    print(type(e).__name__, e)
