# redirect() and url_for() in views served by the test client.
from flask import Flask, Blueprint, redirect, url_for, request
from flask_sqlalchemy import SQLAlchemy

app = Flask(__name__)
db = SQLAlchemy(app)
shop = Blueprint('shop', __name__, url_prefix='/shop')


class Item(db.Model):
    id = db.Column(db.Integer, primary_key=True)
    name = db.Column(db.String(30))


@app.route('/')
def home():
    return 'home'


@app.route('/p/<name>')
def page(name):
    return f'page {name} {request.args.get("page")}'


@app.route('/old')
def old():
    return redirect(url_for('page', name='x y', page=2, q=None))


@app.route('/loop')
def loop():
    return redirect('/loop')


@shop.route('/item/<int:item_id>')
def item(item_id):
    return url_for('.item', item_id=item_id + 1) + ' ' + url_for('home', _external=True)


@shop.post('/items')
def add_item():
    db.session.add(Item(name=request.form['name']))
    db.session.commit()
    return redirect(url_for('shop.item', item_id=Item.query.count()), code=303)


app.register_blueprint(shop)
db.create_all()
c = app.test_client()
r = c.get('/old')
print(r.status_code, r.location, r.headers['Location'], r.mimetype)
print(r.text)
print(c.get('/shop/item/3').text)
print(c.get('/old', follow_redirects=True).text)
r = c.post('/shop/items', data={'name': 'pen'})
print(r.status_code, r.location)
print(c.post('/shop/items', data={'name': 'ink'}, follow_redirects=True).text)
try:
    c.get('/loop', follow_redirects=True)
except Exception as e:
    print(type(e).__name__, e)
r = redirect('/b?x=<1>', code=301)
print(r.status_code, r.location, r.get_data(as_text=True).splitlines()[-1])
with app.test_request_context('/'):
    print(url_for('page', name='a/b'), url_for('static', filename='css/x.css'))
    print(url_for('shop.item', item_id=5, sort='a b', tags=['x', 'y']), url_for('home', _anchor='top'))
    try:
        url_for('page')
    except Exception as e:
        print(type(e).__name__, e)
try:
    url_for('home')
except RuntimeError as e:
    print(str(e)[:60])
