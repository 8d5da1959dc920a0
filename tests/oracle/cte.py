# select().cte() / Query.cte(): WITH clauses, named or anonymous, recursive with union_all
class Node(db.Model):
    id = db.Column(db.Integer, primary_key=True)
    parent_id = db.Column(db.Integer, db.ForeignKey('node.id'))
    name = db.Column(db.String(10))
    val = db.Column(db.Integer)


db.create_all()
db.session.add_all([Node(name='root', val=1), Node(name='a', parent_id=1, val=2),
                    Node(name='b', parent_id=2, val=3), Node(name='c', parent_id=1, val=4)])
db.session.commit()
tree = select(Node.id, Node.name).where(Node.parent_id.is_(None)).cte('tree', recursive=True)
tree = tree.union_all(select(Node.id, Node.name).join(tree, Node.parent_id == tree.c.id))
print(db.session.execute(select(tree.c.name).order_by(tree.c.name)).all())
big = select(Node).where(Node.val > 1).cte()
print(db.session.execute(select(big.c.name, big.c.val).where(big.c.val < 4).order_by(big.c.id)).all())
print(db.session.query(Node.name).join(big, big.c.id == Node.id).order_by(Node.name).all())
print(db.session.execute(select(func.count()).select_from(big)).scalar())
print(db.session.query(big).order_by(big.c.id).all())
print(big.c.keys(), type(big).__name__, type(tree).__name__)
t2 = db.session.query(Node.id.label('nid'), (Node.val * 10).label('v10')).filter(Node.val >= 2).cte('t2')
print(db.session.query(Node.name, t2.c.v10).join(t2, t2.c.nid == Node.id).filter(t2.c.v10 > 20).order_by(Node.id).all())
print(db.session.scalars(select(Node.name).where(Node.id.in_(select(t2.c.nid)))).all())
sub = select(Node.id).where(Node.val > 2).subquery()
print(db.session.execute(select(func.count()).select_from(sub)).scalar())
print(db.session.execute(select(sub)).all())
print(str(select(t2.c.v10).where(t2.c.nid > 1)))
