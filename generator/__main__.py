import sys

from .cli import main

if __name__ == "__main__":  # the worker processes of parallel.py import this module too: they must not run it
    sys.exit(main())
