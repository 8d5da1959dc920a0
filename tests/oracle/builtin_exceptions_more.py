for E in (PermissionError, TimeoutError, ConnectionError, IOError, EnvironmentError, UnicodeError, UnicodeDecodeError, EOFError, FloatingPointError, UserWarning, DeprecationWarning, GeneratorExit, BufferError, SyntaxError, BrokenPipeError, RuntimeWarning):
    print(E.__name__, [c.__name__ for c in E.__mro__])
try:
    raise PermissionError("nope")
except OSError as e:
    print(type(e).__name__, e, isinstance(e, IOError))
print(IOError is OSError)
raise ValueError("\r\nx")
