"""``python -m okrsite`` runs the command line."""

from okrsite.cli import main

if __name__ == "__main__":
    main()
