from flask import Flask
a = Flask('bank')
b = Flask(__name__)
print(a.name, a.import_name)
print(b.name, b.import_name)
