"""Chapter 2's attribute table (clusterlab.codebook_views), against the codebook's wording
typed by hand from data/datapackage.json."""

from __future__ import annotations

import pytest

from clusterlab.codebook_views import attribute_table


def test_attribute_table_rows() -> None:
    table = attribute_table(["export_orientation"], "network_2005")
    assert table["Attribute"].tolist() == ["export_orientation", "network_2005"]
    assert table["Role"].tolist() == ["condition", "decision"]
    assert table["Meaning"].tolist() == ["Export orientation", "Knowledge network 2005"]
    assert "Mainly global" in table["Values"].iloc[1]
    assert " | " in table["Values"].iloc[1]


def test_unknown_attribute_is_named() -> None:
    with pytest.raises(ValueError, match="'no_such_column' is not in the codebook"):
        attribute_table(["no_such_column"])
