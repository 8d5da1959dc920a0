# Query cases for tools/sql_cases.py: each block starts with "# case NAME".
# case seed
u1 = User(username='ann', email='a@x', age=30)
db.session.add(u1)
db.session.commit()
db.session.add_all([User(username='bob', age=20), User(username='cy', age=40)])
db.session.add_all([Post(title='p1', user_id=1, likes=3), Post(title='p2', user_id=1), Tag(name='t')])
db.session.commit()
# case get
db.session.get(User, 1)
# case all
User.query.all()
# case first
User.query.first()
# case count
User.query.count()
# case filter_by
User.query.filter_by(username='ann', age=30).all()
# case filter_eq_true
User.query.filter(User.active == True).all()
# case filter_eq_false
User.query.filter(User.active == False).all()
# case filter_by_true
User.query.filter_by(active=True).all()
# case filter_not_bool
User.query.filter(~User.active).all()
# case filter_ops
User.query.filter(User.age >= 1, User.age < 2, User.age != 3, User.age <= 4, User.age > 5).all()
# case filter_like
User.query.filter(User.username.like('a%'), User.username.notlike('b%')).all()
# case filter_ilike
User.query.filter(User.username.ilike('A%')).all()
# case filter_startswith
User.query.filter(User.username.startswith('a')).all()
# case filter_endswith_contains
User.query.filter(User.username.endswith('a'), User.email.contains('x')).all()
# case filter_in
User.query.filter(User.id.in_([1, 2, 3])).all()
# case filter_notin
User.query.filter(User.id.not_in([1, 2])).all()
# case filter_inv_in
User.query.filter(~User.id.in_([1, 2])).all()
# case filter_in_empty
User.query.filter(User.id.in_([])).all()
# case filter_notin_empty
User.query.filter(User.id.not_in([])).all()
# case filter_is_null
User.query.filter(User.email.is_(None), User.age == None, User.email.isnot(None), User.age != None).all()
# case filter_between
User.query.filter(User.age.between(10, 20)).all()
# case filter_or
User.query.filter(or_(User.age < 10, User.age > 20)).all()
# case filter_or_and
User.query.filter(or_(and_(User.age > 1, User.age < 5), User.username == 'x')).all()
# case filter_and_or
User.query.filter(and_(or_(User.age > 1, User.age < 5), User.username == 'x')).all()
# case filter_two_or
User.query.filter(or_(User.age < 1, User.age > 5)).filter(User.username == 'x').all()
# case filter_not_or
User.query.filter(not_(or_(User.age < 1, User.age > 5))).all()
# case filter_not_eq
User.query.filter(not_(User.age == 3)).all()
# case filter_not_and
User.query.filter(not_(and_(User.age == 3, User.username == 'x'))).all()
# case filter_not_like
User.query.filter(not_(User.username.like('x%'))).all()
# case filter_func_lower
User.query.filter(func.lower(User.username) == 'ann').all()
# case filter_arith
User.query.filter(User.age + 1 > 10, User.age * 2 - 1 < 5, (User.age - (User.id - 1)) == 0, User.age / 2 == 1, User.age % 2 == 0).all()
# case filter_concat
User.query.filter(User.username + '!' == 'ann!').all()
# case order_limit
User.query.order_by(User.age.desc(), User.id).limit(3).all()
# case order_asc_offset
User.query.order_by(asc(User.username)).offset(2).all()
# case limit_offset
User.query.order_by(desc(User.id)).limit(2).offset(4).all()
# case slice
User.query.order_by(User.id)[1:3]
# case distinct_entities
User.query.with_entities(User.age).distinct().order_by(User.age).all()
# case distinct_count
User.query.with_entities(User.age).distinct().count()
# case session_query_cols
db.session.query(User.username, User.age).filter(User.age > 1).all()
# case func_aggregates
db.session.query(func.count(User.id), func.sum(User.age), func.avg(User.age), func.min(User.age), func.max(User.age), func.count()).all()
# case func_two_counts
db.session.query(func.count(User.id), func.count(User.email)).all()
# case func_misc
db.session.query(func.upper(User.username), func.length(User.username), func.coalesce(User.age, 0), func.round(func.avg(User.age), 2), func.abs(User.age), func.total(User.age), func.typeof(User.age)).all()
# case func_distinct
db.session.query(func.count(User.age.distinct()), func.count(func.distinct(User.age)), func.group_concat(User.username.distinct())).all()
# case func_strftime_label
m = func.strftime('%Y', Post.created).label('year')
db.session.query(m, func.count(Post.id)).group_by(m).order_by(m).all()
# case func_date_now
db.session.query(func.date(Post.created), func.now(), func.current_timestamp()).all()
# case group_having
db.session.query(User.age, func.count(User.id).label('n')).group_by(User.age).having(func.count(User.id) > 1).order_by(desc('n')).all()
# case label_desc
total = func.sum(Post.likes).label('total')
db.session.query(Post.user_id, total).group_by(Post.user_id).order_by(total.desc()).all()
# case scalar_sum
db.session.query(func.sum(User.age)).scalar()
# case case_expr
from sqlalchemy import case
db.session.query(case((User.age < 18, 'minor'), (User.age < 65, 'adult'), else_='senior')).all()
# case case_label
from sqlalchemy import case
db.session.query(User.username, case((User.age > 30, 1), else_=0).label('old')).all()
# case cast_expr
from sqlalchemy import cast
db.session.query(cast(User.age, db.String), cast(User.username, db.Integer)).all()
# case exists_query
db.session.query(User.query.filter(User.age > 50).exists()).scalar()
# case join_fk
Post.query.join(User).filter(User.username == 'ann').all()
# case join_rel
Post.query.join(Post.author).filter(User.age > 1).order_by(Post.title).all()
# case join_reverse
User.query.join(Post).filter(Post.likes > 1).distinct().all()
# case join_onclause
db.session.query(Post.title, User.username).join(User, Post.user_id == User.id).all()
# case outerjoin_group
db.session.query(User.username, func.count(Post.id)).outerjoin(Post).group_by(User.id).order_by(User.username).all()
# case outerjoin_rel_null
User.query.outerjoin(User.posts).filter(Post.id == None).all()
# case join_m2m
Post.query.join(Post.tags).filter(Tag.name == 't').all()
# case outerjoin_m2m
db.session.query(Tag.name, func.count(Post.id)).outerjoin(Tag.posts).group_by(Tag.id).all()
# case select_from_join
db.session.query(User.username).select_from(Post).join(Post.author).filter(Post.id == 1).scalar()
# case join_count
Post.query.join(User).filter(User.age > 1).count()
# case has
Post.query.filter(Post.author.has(username='ann')).all()
# case has_crit
Post.query.filter(Post.author.has(User.age > 3)).count()
# case any
User.query.filter(User.posts.any(Post.title.like('p%'))).all()
# case any_kw
User.query.filter(User.posts.any(title='p1')).all()
# case not_any
User.query.filter(~User.posts.any()).all()
# case any_m2m
Post.query.filter(Post.tags.any(name='t')).all()
# case not_any_m2m
Tag.query.filter(~Tag.posts.any()).all()
# case rel_eq_obj
u = db.session.get(User, 1)
Post.query.filter(Post.author == u).all()
Post.query.filter_by(author=u).count()
# case rel_eq_none
Post.query.filter(Post.author == None).all()
# case m2m_contains
t = db.session.get(Tag, 1)
Post.query.filter(Post.tags.contains(t)).all()
# case lazy_o2m
u = db.session.get(User, 1)
u.posts
# case lazy_m2o
p = db.session.get(Post, 1)
p.author
# case lazy_m2m
p = db.session.get(Post, 1)
p.tags
# case lazy_m2m_backref
t = db.session.get(Tag, 1)
t.posts
# case with_parent
u = db.session.get(User, 1)
Post.query.with_parent(u).filter(Post.likes > 0).all()
# case select2_entity
db.session.execute(select(User).where(User.age > 1).order_by(User.id)).scalars().all()
# case select2_cols
db.session.execute(select(User.username, Post.title).join(Post.author)).all()
# case select2_same_names
db.session.execute(select(User.id, Post.id, Tag.name, User.username.label('name'))).all()
# case select2_filter_by_limit
db.session.execute(select(User).filter_by(username='ann').limit(1).offset(2)).scalars().all()
# case select2_count
db.session.execute(select(func.count()).select_from(User)).scalar()
db.session.execute(select(func.count(User.id)).where(User.age == 25)).scalar()
# case select2_distinct
db.session.execute(select(User.age).distinct().order_by(User.age)).scalars().all()
# case select2_label_group
db.session.execute(select(User.username, func.count(Post.id).label('n')).outerjoin(Post, User.id == Post.user_id).group_by(User.username).having(func.count(Post.id) >= 2)).all()
# case paginate_query
User.query.order_by(User.id).paginate(page=2, per_page=2)
# case paginate_select
db.paginate(db.select(User).where(User.id > 0).order_by(User.id), page=1, per_page=2)
# case scalar_subquery
sub = db.session.query(func.max(User.age)).scalar_subquery()
User.query.filter(User.age == sub).all()
# case in_subquery
User.query.filter(User.id.in_(db.session.query(Post.user_id).filter(Post.likes > 1))).all()
# case subquery_join
sub = db.session.query(Post.user_id, func.count(Post.id).label('cnt')).group_by(Post.user_id).subquery()
db.session.query(User.username, sub.c.cnt).join(sub, User.id == sub.c.user_id).all()
# case insert_single
db.session.add(User(username='dan', age=5))
db.session.flush()
# case insert_many
db.session.add_all([User(username='e1'), User(username='e2', age=3), User(username='e3', age=4)])
db.session.flush()
# case insert_default_values
db.session.add(Node())
db.session.flush()
# case insert_m2m
p = db.session.get(Post, 2)
p.tags.append(db.session.get(Tag, 1))
db.session.flush()
# case update_obj
u = db.session.get(User, 1)
u.age = 31
u.email = None
db.session.flush()
# case delete_obj
db.session.delete(db.session.get(Tag, 1))
db.session.flush()
# case bulk_update
User.query.filter(User.age < 30).update({'active': False})
# case bulk_update_expr
User.query.filter(User.username.in_(['a', 'b'])).update({User.age: User.age + 1, User.email: 'x'})
# case bulk_update_all
User.query.update({User.age: User.age * 2})
# case bulk_delete
User.query.filter(User.age > 100).delete()
# case bulk_delete_all
Tag.query.delete()
# case bulk_delete_nosync
User.query.filter(User.username.in_(['zz', 'yy'])).delete(synchronize_session=False)
# case update2
db.session.execute(db.update(User).where(User.age > 10).values(age=0, email='e'))
# case delete2
db.session.execute(db.delete(User).where(User.age == 0))
# case self_ref_join
from sqlalchemy.orm import aliased
parent = aliased(Node)
db.session.query(Node.name, parent.name).join(parent, Node.parent_id == parent.id).all()
# case reserved_names
Group.query.filter(Group.from_ == 'x', Group.userName == 'y', Group.order > 1).order_by(Group.order).all()
# case reserved_join
Order.query.join(Group).filter(Group.userName == 'z').all()
# case get_composite
db.session.get(Enrollment, (1, 2))
# case one_or_none
User.query.filter_by(username='zz').one_or_none()
# case exists_select
db.session.query(db.exists().where(User.age > 1)).scalar()
# case query_get
User.query.get(2)
