"""`python -m facilitator` runs the same command as `facilitator`."""

from .cli import main

main()
