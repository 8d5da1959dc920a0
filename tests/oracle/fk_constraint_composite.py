class Warehouse(db.Model):
    code = db.Column(db.String(4), primary_key=True)
    region = db.Column(db.String(10), primary_key=True)


class Bin(db.Model):
    id = db.Column(db.Integer, primary_key=True)
    wh_code = db.Column(db.String(4))
    wh_region = db.Column(db.String(10))
    label = db.Column(db.String(10), db.ForeignKey('warehouse.code'))
    __table_args__ = (db.ForeignKeyConstraint(['wh_code', 'wh_region'], ['warehouse.code', 'warehouse.region'], ondelete='CASCADE', name='fk_bin_wh'),)


db.create_all()
print(db.session.execute(text("SELECT sql FROM sqlite_master WHERE name = 'bin'")).scalar())
print(db.session.execute(text('PRAGMA foreign_key_list(bin)')).fetchall())
try:
    db.ForeignKeyConstraint(['a', 'b'], ['warehouse.code'])
except Exception as e:
    print(type(e).__name__, e)
