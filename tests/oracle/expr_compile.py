# `.compile()` of column expressions (not only statements): default and SQLite dialects,
# literal_binds, and the compiled parameters.
class Player(db.Model):
    id = db.Column(db.Integer, primary_key=True)
    name = db.Column(db.String(40))
    goals = db.Column(db.Integer)
    joined = db.Column(db.Date)


e = Player.goals.in_([1, 2, 3])
print(e.compile(compile_kwargs={'literal_binds': True}))
print(e.compile())
print(e.compile(db.engine))
c = (Player.goals > 5).compile()
print(c, c.params)
print(and_(Player.name == "O'Neil", Player.goals >= 2).compile(compile_kwargs={'literal_binds': True}))
print(Player.name.compile(), Player.goals.desc().compile(), func.count(Player.id).compile())
print(db.case((Player.goals > 0, 'scorer'), else_='none').compile())
print(Player.__table__.c.name.compile())
print((Player.name + '!').label('shout').compile(db.engine))
print(Player.joined.between(date(2024, 1, 1), date(2024, 2, 1)).compile(compile_kwargs={'literal_binds': True}))
print(type(c).__name__, type(e.compile(db.engine)).__name__)
print(str(Player.name.like('A%').compile(dialect=db.engine.dialect)))
