# filter_by() after select_from(aliased(...)), and with a relationship keyword through an alias.
from sqlalchemy.orm import aliased
class Node(db.Model):
    id = db.Column(db.Integer, primary_key=True)
    name = db.Column(db.String(20))
    parent_id = db.Column(db.ForeignKey('node.id'))
    children = db.relationship('Node', backref=db.backref('parent', remote_side=[id]))
db.create_all()
r = Node(name='r'); a = Node(name='a', parent=r)
db.session.add_all([r, a]); db.session.commit()
N = aliased(Node)
def t(label, f):
    try:
        r = f()
        print(label, r)
    except Exception as e:
        print(label, type(e).__name__, str(e)[:100])
t(1, lambda: str(select(func.count()).select_from(N)))
t(2, lambda: db.session.scalar(select(func.count()).select_from(N)))
t(3, lambda: str(select(func.count()).select_from(N).filter_by(name='r')))
t(4, lambda: db.session.scalar(select(func.count()).select_from(N).filter_by(name='r')))
t(5, lambda: str(select(Node.name).select_from(N).join(Node, N.children)))
t(6, lambda: db.session.execute(select(Node.name).select_from(N).join(Node, N.children)).all())
t(7, lambda: str(db.session.query(Node).select_from(N).join(Node, N.children).filter(N.name == 'r')))
t(8, lambda: str(db.session.query(func.count(N.id)).select_from(N)))
t(9, lambda: str(select(N.name).select_from(N)))
t(10, lambda: str(select(Node.name).select_from(N).join(Node, N.id == Node.parent_id)))
t(11, lambda: str(select(Node).select_from(N).join(N.children)))
t(12, lambda: str(db.session.query(Node.name).select_from(N).join(N.children).filter_by(name='a')))
t(13, lambda: str(select(func.count()).select_from(N).join(Node, N.children).filter_by(name='a')))
