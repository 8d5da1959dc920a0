import functools
from functools import wraps
def counted(fn):
    @wraps(fn)
    def wrapper(*args, **kwargs):
        wrapper.calls += 1
        return fn(*args, **kwargs)
    wrapper.calls = 0
    return wrapper
@counted
def add(a, b):
    """Adds two numbers."""
    return a + b
print(add(1, 2), add(3, 4), add.calls, add.__name__, add.__doc__, add.__wrapped__.__name__)
print(add.__qualname__, repr(add).split(' at ')[0])
def plain(fn):
    def inner():
        return fn()
    inner.__name__ = fn.__name__
    return inner
@plain
def hello():
    return 'hi'
print(hello(), hello.__name__, hello.__dict__)
def tag(label):
    def deco(fn):
        @functools.wraps(fn)
        def w(*a):
            return f'{label}:{fn(*a)}'
        return w
    return deco
@tag('x')
def ident(v):
    return v
print(ident(5), ident.__name__, ident.__doc__)
