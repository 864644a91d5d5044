"""`python -m drugcompare` runs the CLI."""

from drugcompare.cli import main

main()
