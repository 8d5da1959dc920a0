from flask import request


class Post(db.Model):
    id = db.Column(db.Integer, primary_key=True)
    title = db.Column(db.String(40))


db.create_all()
db.session.add_all([Post(title=f'post {i}') for i in range(1, 31)])
db.session.commit()
with app.test_request_context('/?page=3&per_page=7'):
    p = Post.query.order_by(Post.id).paginate()
    print(p.page, p.per_page, p.pages, p.items[0].title, request.args.get('page'), request.path)
    p = db.paginate(db.select(Post).order_by(Post.id.desc()), per_page=5)
    print(p.page, p.per_page, [x.id for x in p.items])
    p = Post.query.paginate(page=1, max_per_page=4)
    print(p.page, p.per_page)
with app.test_request_context('/posts', query_string={'page': '2'}):
    print(Post.query.paginate(per_page=10).items[0].id, request.args)
for qs in ['?page=abc', '?page=0', '?per_page=-3', '?page=99', '?page= 2 ']:
    with app.test_request_context('/' + qs):
        try:
            p = Post.query.paginate()
            print(qs, p.page, p.per_page, len(p.items))
        except Exception as e:
            print(qs, type(e).__name__)
        p = Post.query.paginate(error_out=False)
        print(qs, p.page, p.per_page, len(p.items))
print(Post.query.paginate().page)


@app.route('/list')
def listing():
    page = Post.query.order_by(Post.id).paginate(per_page=4)
    return {'page': page.page, 'ids': [p.id for p in page]}


client = app.test_client()
print(client.get('/list?page=2').get_json())
print(client.get('/list?page=x').status_code)
