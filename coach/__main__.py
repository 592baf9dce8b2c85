"""`python -m coach` runs the same entry point as the `coach` script."""

from coach.cli import main

if __name__ == "__main__":
    main()
