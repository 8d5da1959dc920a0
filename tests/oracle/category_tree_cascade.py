# An adjacency-list tree with cascade delete down the whole subtree.
class Node(db.Model):
    id = db.Column(db.Integer, primary_key=True)
    name = db.Column(db.String(20), nullable=False)
    parent_id = db.Column(db.Integer, db.ForeignKey('node.id'))
    children = db.relationship('Node', cascade='all, delete-orphan', order_by='Node.name',
                               backref=db.backref('parent', remote_side='Node.id'))

    def __repr__(self):
        return f'Node({self.name!r})'

    def path(self):
        parts = []
        n = self
        while n:
            parts.append(n.name)
            n = n.parent
        return '/'.join(reversed(parts))

    def walk(self):
        yield_list = [self]
        for c in self.children:
            yield_list.extend(c.walk())
        return yield_list


db.create_all()
root = Node(name='root')
usr = Node(name='usr', parent=root)
etc = Node(name='etc', parent=root)
for n in ('lib', 'bin', 'share'):
    Node(name=n, parent=usr)
Node(name='local', parent=usr.children[0])
db.session.add(root)
db.session.commit()
print([n.path() for n in root.walk()])
print(Node.query.count(), Node.query.filter_by(parent=usr).order_by(Node.name).all())
local = Node.query.filter_by(name='local').one()
print(local.parent, local.parent.parent, local.path())

Parent = db.aliased(Node)
rows = (db.session.query(Node.name, Parent.name).outerjoin(Parent, Node.parent_id == Parent.id)
        .order_by(Node.id).all())
print(rows)
print(db.session.query(Parent.name, func.count(Node.id)).join(Node, Node.parent_id == Parent.id)
      .group_by(Parent.id).order_by(func.count(Node.id).desc(), Parent.name).all())

local.parent = etc
db.session.commit()
print(local.path(), [c.name for c in etc.children])
db.session.delete(usr)
db.session.commit()
print(Node.query.order_by(Node.id).all())
etc.children.remove(local)
db.session.commit()
print([n.path() for n in root.walk()], Node.query.count())
