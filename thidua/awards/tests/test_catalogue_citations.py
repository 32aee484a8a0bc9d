"""What the catalogue cites is a paper a user can look up, never the team's own name for a seed
plan (QA walk, session 6: the Giấy khen criterion read "kế hoạch mẫu 000, mục IV.1" to a Gia
Lâm officer)."""

import re

from thidua.awards.models import AwardKind, Criterion

SEED_ID = re.compile(r"mẫu\s+0\d\d|\b0\d\d\b")


def test_criteria_and_kinds_cite_papers_by_their_number(catalogue):
    cited = [
        *AwardKind.objects.values_list("legal_basis", flat=True),
        *Criterion.objects.values_list("source", flat=True),
    ]
    assert cited and [text for text in cited if SEED_ID.search(text)] == []
    giay_khen = Criterion.objects.get(award_kind__code="giay-khen-cap-tren-co-so", campaign=None)
    assert "Kế hoạch 32/KH-LĐLĐ ngày 21/8/2023 của LĐLĐ quận Long Biên, mục IV.1" in giay_khen.source
