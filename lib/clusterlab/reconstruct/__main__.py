"""``python -m clusterlab.reconstruct``: see :func:`clusterlab.reconstruct.cli.main`."""

from clusterlab.reconstruct.cli import main

raise SystemExit(main())
