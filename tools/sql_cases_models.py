# Models shared by the query cases of tools/sql_cases.py (runs in the oracle prelude).
from sqlalchemy import MetaData

post_tags = db.Table(
    'post_tags',
    db.Column('post_id', db.Integer, db.ForeignKey('post.id'), primary_key=True),
    db.Column('tag_id', db.Integer, db.ForeignKey('tag.id'), primary_key=True),
)


class User(db.Model):
    id = db.Column(db.Integer, primary_key=True)
    username = db.Column(db.String(80), unique=True, nullable=False)
    email = db.Column(db.String(120))
    age = db.Column(db.Integer)
    active = db.Column(db.Boolean, default=True)
    posts = db.relationship('Post', backref='author', lazy=True)


class Post(db.Model):
    id = db.Column(db.Integer, primary_key=True)
    title = db.Column(db.String(100), nullable=False)
    body = db.Column(db.Text)
    likes = db.Column(db.Integer, default=0)
    created = db.Column(db.DateTime)
    user_id = db.Column(db.Integer, db.ForeignKey('user.id'))
    tags = db.relationship('Tag', secondary=post_tags, backref=db.backref('posts', lazy=True))


class Tag(db.Model):
    id = db.Column(db.Integer, primary_key=True)
    name = db.Column(db.String(30), unique=True)


class Group(db.Model):
    __tablename__ = 'group'
    id = db.Column(db.Integer, primary_key=True)
    from_ = db.Column('from', db.String(10))
    userName = db.Column(db.String(20), index=True)
    order = db.Column(db.Integer, unique=True, index=True)


class Order(db.Model):
    id = db.Column(db.Integer, primary_key=True)
    group_id = db.Column(db.Integer, db.ForeignKey('group.id', ondelete='CASCADE', onupdate='SET NULL'))
    amount = db.Column(db.Integer, db.CheckConstraint('amount >= 0'))
    code = db.Column(db.String(8))
    note = db.Column(db.String)
    __table_args__ = (
        db.UniqueConstraint('group_id', 'code'),
        db.UniqueConstraint('code', 'note', name='uq_code_note'),
        db.Index('ix_order_amount_code', 'amount', 'code'),
        db.Index('ux_order_note', 'note', unique=True),
        db.CheckConstraint('amount < 1000000', name='ck_amount_max'),
    )


class AllTypes(db.Model):
    id = db.Column(db.BigInteger, primary_key=True)
    small = db.Column(db.SmallInteger)
    big = db.Column(db.BigInteger)
    t = db.Column(db.Time)
    blob = db.Column(db.LargeBinary)
    kind = db.Column(db.Enum('a', 'bbb', 'cc', name='kind'))
    num = db.Column(db.Numeric)
    num2 = db.Column(db.Numeric(5))
    flt = db.Column(db.Float(precision=2))
    uni = db.Column(db.Unicode(20))
    utext = db.Column(db.UnicodeText)
    s = db.Column(db.String)
    d1 = db.Column(db.Integer, server_default=db.text('0'))
    d2 = db.Column(db.Boolean, server_default=db.true())
    d3 = db.Column(db.Boolean, server_default=db.false())
    d4 = db.Column(db.String(5), server_default="it's")
    d5 = db.Column(db.DateTime, server_default=db.text("CURRENT_TIMESTAMP"))
    d6 = db.Column(db.DateTime, server_default=db.text("(datetime('now'))"))
    d7 = db.Column(db.String(5), server_default=db.text("datetime('now')"))
    d8 = db.Column(db.Date, server_default=func.current_date())
    d9 = db.Column(db.Integer, server_default=db.text('-1'))
    u1 = db.Column(db.String(10), unique=True, index=True, nullable=False)


class Enrollment(db.Model):
    student_id = db.Column(db.Integer, primary_key=True)
    course_id = db.Column(db.Integer, primary_key=True)
    grade = db.Column(db.String(2))


class Node(db.Model):
    id = db.Column(db.Integer, primary_key=True)
    parent_id = db.Column(db.Integer, db.ForeignKey('node.id'))
    name = db.Column(db.String(20))
