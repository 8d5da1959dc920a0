from flask import Flask
from flask_sqlalchemy import SQLAlchemy

app = Flask(__name__)
app.config["SQLALCHEMY_DATABASE_URI"] = "sqlite://"
db = SQLAlchemy(app, session_options={"expire_on_commit": False})


class User(db.Model):
    id = db.Column(db.Integer, primary_key=True)
    name = db.Column(db.String(20))
    profile = db.relationship("Profile", backref="user", uselist=False)


class Profile(db.Model):
    id = db.Column(db.Integer, primary_key=True)
    bio = db.Column(db.String(50))
    user_id = db.Column(db.Integer, db.ForeignKey("user.id"))


with app.app_context():
    db.create_all()
    u = User(name="ann", profile=Profile(bio="first"))
    db.session.add(u)
    db.session.commit()
    p1 = u.profile
    u.profile = Profile(bio="second")
    print("old profile before flush:", p1.user_id, p1.user)
    db.session.commit()
    print("old profile after:", p1.user_id, u.profile.bio, u.profile.user_id)
    print(db.session.execute(db.text("SELECT id, bio, user_id FROM profile ORDER BY id")).all())
    p2 = u.profile
    p2.user = None
    print("p2 before:", p2.user_id, u.profile)
    db.session.commit()
    print("p2 after:", p2.user_id)
