"""`python -m bench` runs bench/run.py; `python -m bench leaks [options]` runs the leak benchmark
(bench/leaks.py)."""

import sys

if sys.argv[1:2] == ["leaks"]:
    from bench.leaks import main as leaks

    leaks(sys.argv[2:])
else:
    from bench.run import main

    main()
