"""`python -m facilitator` runs the same command as `facilitator`."""

from .launch import main

main()
