"""``python -m chronique``: the command line, as the ``chronique`` script."""

from chronique.cli import main

main()
