"""Homer's tests. Importing this package (pytest does, before `tests/conftest.py`) lets
Python write bytecode in this process: pytest keeps a test module's assert-rewritten
bytecode (in the git-ignored `__pycache__`) only where Python may write bytecode, and this
image sets PYTHONDONTWRITEBYTECODE=1, so every run compiled and rewrote every test module
and Homer's own modules again (about 2 s of the unit layer's CPU). The processes the tests
start keep the environment's setting."""

import sys

sys.dont_write_bytecode = False
