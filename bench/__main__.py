"""`python -m bench` runs bench/run.py."""

from bench.run import main

main()
