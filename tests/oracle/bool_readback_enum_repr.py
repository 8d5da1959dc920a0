# A Boolean column reads any stored value as bool() of it (rows written by raw SQL:
# 'true', '0', 2.5, ''); an enum class prints as <enum 'Name'>.
import enum
class Color(enum.Enum):
    RED = 'red'
    BLUE = 'blue'
class Flag(db.Model):
    id = db.Column(db.Integer, primary_key=True)
    val = db.Column(db.Boolean)
    color = db.Column(db.Enum(Color))
db.create_all()
db.session.execute(text("INSERT INTO flag (val) VALUES ('true'), ('0'), (2.5), (''), (0), (1), (NULL), (0.0)"))
print([f.val for f in Flag.query.order_by(Flag.id)])
print(db.session.scalars(db.select(Flag.val).order_by(Flag.id)).all())
print(Color, [Color], type(Color.RED), Color.RED, repr(Color.BLUE), enum.Enum)
print(Flag.__table__.c.color.type.enum_class, Flag.__table__.c.color.type.enums)
