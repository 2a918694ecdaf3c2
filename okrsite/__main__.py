"""``python -m okrsite`` runs the command line (:mod:`okrsite.entry`)."""

from okrsite.entry import main

if __name__ == "__main__":
    main()
