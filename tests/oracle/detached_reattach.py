class Book(db.Model):
    id = db.Column(db.Integer, primary_key=True)
    title = db.Column(db.String(80))


with app.app_context():
    db.create_all()
    db.session.add_all([Book(title='a'), Book(title='b'), Book(title='c')])
    db.session.commit()
    a = Book.query.filter_by(title='a').one()
    b = Book.query.filter_by(title='b').one()

a.title = 'A'
with app.app_context():
    db.session.add(a)
    print(a in db.session.dirty, db.session.is_modified(a))
    db.session.commit()
    print(db.session.execute(text('SELECT title FROM book ORDER BY id')).scalars().all())
    db.session.delete(b)
    print(b in db.session, b in db.session.deleted)
    db.session.commit()
    print(Book.query.count(), db.inspect(b).detached)
    c = db.session.get(Book, 3)
    db.session.expunge(c)
    merged = db.session.merge(c)
    for op in (db.session.add, db.session.delete):
        try:
            op(c)
            print('done')
        except Exception as e:
            print(type(e).__name__, str(e).replace(hex(id(c)), '0x7f0000000000'))
    print(c in db.session, merged in db.session)
