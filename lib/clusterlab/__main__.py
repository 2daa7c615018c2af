"""``python -m clusterlab`` runs the command line interface."""

from clusterlab.cli import main

raise SystemExit(main())
