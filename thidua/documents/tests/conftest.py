"""Shared by the signing tests (issue 21): a test CA made here, once per module."""

import pytest

from thidua.documents.tests import signing_ca


@pytest.fixture(scope="module")
def ca():
    """A root configured as the trust store in the tests that use it, the chair's and the
    office's current certificates, an expired one and one from another root."""
    root = signing_ca.make_root()
    return {
        "root": root,
        "chair": signing_ca.make_signer(root, "Nguyễn Trường Giang", "LĐLĐ quận Long Biên"),
        "office": signing_ca.make_signer(root, "LIÊN ĐOÀN LAO ĐỘNG QUẬN LONG BIÊN", "LĐLĐ quận Long Biên"),
        "expired": signing_ca.make_signer(root, "Trần Văn Hết Hạn", expired=True),
        "stranger": signing_ca.make_signer(signing_ca.make_root("Other Root CA"), "Lê Văn Lạ"),
    }
