import enum
from enum import Enum, auto


class Color(enum.Enum):
    RED = 'red'
    GREEN = 'green'


class Status(Enum):
    NEW = auto()
    DONE = auto()

    def label(self):
        return self.name.title()


print(Color.RED, repr(Color.GREEN), Color.RED.name, Color.RED.value, Color('red'), Color['GREEN'])
print(list(Color), len(Color), [s.value for s in Status], Status.DONE.label(), Status(2))
print(Color.RED == Color.RED, Color.RED is Color('red'), Color.RED == 'red', isinstance(Color.RED, Color), type(Color.RED).__name__)
print({Color.RED: 1}[Color.RED], f'{Color.RED}', str(Status.NEW), sorted(Status, key=lambda s: s.value, reverse=True))
try:
    Color('blue')
except ValueError as e:
    print(e)
try:
    Color['BLUE']
except KeyError as e:
    print(repr(e))
