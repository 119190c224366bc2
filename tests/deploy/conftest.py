"""Fixtures for the deploy tests (istio/, envoy/examples/, scripts/oci/)."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent))

from deploy_common import SCHEMAS  # noqa: E402
from deploy_k8s import Validator  # noqa: E402


@pytest.fixture(scope="session")
def validator() -> Validator:
    crds = [
        SCHEMAS / "istio-1.30.3-customresourcedefinitions.gen.yaml",
        SCHEMAS / "prometheus-operator-0.93.0-prometheusrules-crd.yaml",
    ]
    for p in crds:
        assert p.exists(), f"{p} is missing: the CRD copies live in ../shared/schemas (see SOURCES.md)"
    return Validator(*crds)
