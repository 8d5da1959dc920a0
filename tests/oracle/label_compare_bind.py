# Comparing a label() to a literal: the bind parameter is anonymous (:param_1), not named after the label.
class Pet(db.Model):
    id = db.Column(db.Integer, primary_key=True)
    name = db.Column(db.String(20))


n = func.count(Pet.id).label('n')
print(select(Pet.name, n).group_by(Pet.name).having(n > 1))
x = Pet.name.label('x')
print(select(x).where(x == 'a'))
