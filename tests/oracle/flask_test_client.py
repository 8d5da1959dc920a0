from decimal import Decimal
from flask import jsonify, request, abort


class Item(db.Model):
    id = db.Column(db.Integer, primary_key=True)
    name = db.Column(db.String(20))
    price = db.Column(db.Numeric(6, 2))


@app.route('/items', methods=['GET', 'POST'])
def items():
    if request.method == 'POST':
        data = request.get_json()
        it = Item(name=data['name'], price=Decimal(str(data['price'])))
        db.session.add(it)
        db.session.commit()
        return jsonify(id=it.id, name=it.name), 201
    limit = request.args.get('limit', 10, type=int)
    q = Item.query.order_by(Item.id).limit(limit)
    return jsonify([{'id': i.id, 'name': i.name, 'price': i.price} for i in q])


@app.get('/items/<int:item_id>')
def get_item(item_id):
    it = db.get_or_404(Item, item_id)
    return {'name': it.name, 'when': datetime(2024, 1, 2, 3, 4, 5)}


@app.delete('/items/<int:item_id>')
def delete_item(item_id):
    it = db.get_or_404(Item, item_id)
    db.session.delete(it)
    db.session.commit()
    return '', 204


@app.route('/hello/<name>')
def hello(name):
    if name == 'x':
        abort(400)
    if name == 'y':
        raise ValueError('boom')
    return f'Hello {name}!'


@app.route('/form', methods=['POST'])
def form():
    return request.form['a'] + '|' + request.form.get('b', '-') + '|' + request.path


db.create_all()
c = app.test_client()
r = c.post('/items', json={'name': 'pen', 'price': 1.5})
print(r.status_code, r.status, r.json, r.get_json(), r.is_json, r.mimetype)
print(r.text)
c.post('/items', json={'name': 'cup', 'price': 3})
r = c.get('/items?limit=1')
print(r.json, r.headers['Content-Type'])
print(c.get('/items').get_data(as_text=True))
r = c.get('/items/1')
print(r.status_code, r.json)
r = c.get('/items/9')
print(r.status_code, r.json, r.mimetype)
print(r.text)
print(c.delete('/items/2').status_code, Item.query.count())
print(c.put('/items/1').status_code)
print(c.get('/nope').status_code)
r = c.get('/hello/bob')
print(r.status_code, r.text, r.content_type)
print(c.get('/hello/x').status_code)
print(c.get('/hello/y').status_code)
print(c.post('/form', data={'a': '1'}).text)
print(repr(r))
print(sorted(str(x) for x in app.url_map.iter_rules()))
print([(x.endpoint, x.rule) for x in app.url_map.iter_rules()][:3])
